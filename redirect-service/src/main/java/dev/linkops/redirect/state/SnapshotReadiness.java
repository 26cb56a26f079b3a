package dev.linkops.redirect.state;

import dev.linkops.redirect.domain.AvailabilityTable;
import dev.linkops.redirect.domain.RoutingTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a snapshot (from the services or the local file) is in memory. */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    @Inject
    StateStatus status;
    @Inject
    RoutingTable links;
    @Inject
    AvailabilityTable availability;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("routing-snapshot")
                .status(status.loaded())
                .withData("source", status.source().name())
                .withData("links", links.size())
                .withData("signals", availability.size())
                .withData("ageSeconds", String.valueOf(status.ageSeconds()))
                .build();
    }
}
