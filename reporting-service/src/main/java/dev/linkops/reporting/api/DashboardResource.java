package dev.linkops.reporting.api;

import dev.linkops.reporting.api.dto.DashboardConfigResponse;
import dev.linkops.reporting.config.ReportingConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public sign-in settings of the dashboard page (it holds no secret: the console client is public). */
@Path("/api/dashboard/config")
public class DashboardResource {
    @Inject
    ReportingConfig config;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public DashboardConfigResponse config() {
        return new DashboardConfigResponse(config.dashboard().authServerUrl().orElse(null), config.dashboard().clientId());
    }
}
