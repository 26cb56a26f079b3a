package dev.linkops.availability.api;

import dev.linkops.availability.api.dto.PutSourceRequest;
import dev.linkops.availability.domain.sources.SourceService;
import dev.linkops.availability.domain.sources.SourceStatus;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Feed sources, their authoritative markets and their freshness. */
@Path("/api/sources")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {
    @Inject
    SourceService sources;

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    public List<SourceStatus> list() {
        return sources.list();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    public SourceStatus get(@PathParam("name") String name) {
        return sources.get(name);
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public Response put(@PathParam("name") String name, PutSourceRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/", "a JSON object with authoritativeMarkets and expectedInterval is required");
        }
        boolean created = sources.put(name, body.authoritativeMarkets(), body.expectedInterval());
        return Response.status(created ? 201 : 200).entity(sources.get(name)).build();
    }
}
