package dev.linkops.registry.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {
    @GET
    @RolesAllowed({"marketing", "merchandising", "operations", "analytics", "admin"})
    public List<String> list() {
        return List.of();
    }
}
