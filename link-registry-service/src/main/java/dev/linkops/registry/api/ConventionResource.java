package dev.linkops.registry.api;

import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.api.dto.ConventionRequest;
import dev.linkops.registry.api.dto.ConventionResponse;
import dev.linkops.registry.domain.conventions.ConventionService;
import dev.linkops.registry.domain.conventions.NamingConvention;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

import static dev.linkops.registry.api.Roles.ADMIN;
import static dev.linkops.registry.api.Roles.ANALYTICS;
import static dev.linkops.registry.api.Roles.MARKETING;
import static dev.linkops.registry.api.Roles.MERCHANDISING;
import static dev.linkops.registry.api.Roles.OPERATIONS;

/** Naming conventions for campaign names and utm_* values; analytics owns them. */
@Path("/api/conventions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConventionResource {
    private final ConventionService conventions;
    private final Callers callers;

    public ConventionResource(ConventionService conventions, Callers callers) {
        this.conventions = conventions;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<ConventionResponse> list() {
        return conventions.list().stream().map(this::response).toList();
    }

    @GET
    @Path("{target}")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public ConventionResponse get(@PathParam("target") String target) {
        return response(conventions.get(target));
    }

    /** {@code target} is campaign, utm_source, utm_medium, utm_campaign, utm_content or utm_term. */
    @PUT
    @Path("{target}")
    @RolesAllowed({ANALYTICS, ADMIN})
    public ConventionResponse put(@PathParam("target") String target, ConventionRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/", "a convention {pattern, parts, mode} is required");
        }
        return response(conventions.put(target, body.pattern(), body.parts(), body.mode(), callers.current()));
    }

    @DELETE
    @Path("{target}")
    @RolesAllowed({ANALYTICS, ADMIN})
    public Response delete(@PathParam("target") String target) {
        conventions.delete(target);
        return Response.noContent().build();
    }

    private ConventionResponse response(NamingConvention c) {
        return new ConventionResponse(c.target, c.pattern, conventions.parts(c), c.mode, c.updatedBy, c.updatedAt);
    }
}
