package dev.linkops.registry.api;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.registry.domain.links.SnapshotService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** What the redirect service loads at start-up (DESIGN §4); service accounts only. */
@Path("/internal/links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {
    private final SnapshotService snapshots;

    public InternalResource(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    /** Every link the redirect must know (LIVE, PAUSED, SCHEDULED, EXPIRED) as its current LinkPublished. */
    @GET
    @Path("snapshot")
    @RolesAllowed(Roles.SERVICE)
    public List<LinkPublished> snapshot() {
        return snapshots.routable();
    }
}
