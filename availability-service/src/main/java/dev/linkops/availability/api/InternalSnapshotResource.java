package dev.linkops.availability.api;

import dev.linkops.availability.domain.stock.AvailabilityQueries;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * What a redirect replica loads at start and after every re-subscribe: the current AvailabilityChanged
 * record of every (sku, market). Events with a sequence not above a record's are already reflected.
 */
@Path("/internal/availability")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InternalSnapshotResource {
    @Inject
    AvailabilityQueries queries;

    @GET
    @Path("/snapshot")
    @RolesAllowed(Roles.SERVICE)
    public List<AvailabilityChanged> snapshot() {
        return queries.snapshot();
    }
}
