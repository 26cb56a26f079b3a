package dev.linkops.alerting.api;

import dev.linkops.alerting.api.dto.AlertPolicyRequest;
import dev.linkops.alerting.api.dto.AlertPolicyResponse;
import dev.linkops.alerting.domain.alerts.PolicyService;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** Deadlines per alert type and severity: {@code PUT /api/alert-policies/{type}/{severity}}. */
@Path("/api/alert-policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertPolicyResource {

    @Inject
    PolicyService policies;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public List<AlertPolicyResponse> list() {
        return policies.all().stream().map(AlertPolicyResponse::of).toList();
    }

    @PUT
    @Path("/{type}/{severity}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public AlertPolicyResponse put(@PathParam("type") String type, @PathParam("severity") String severity,
                                   AlertPolicyRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/respondWithin", "is required, an ISO-8601 duration such as PT4H");
        }
        return AlertPolicyResponse.of(policies.put(type, severity, body.respondWithin(), body.repeatEvery(),
                identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("/{type}/{severity}")
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public Response delete(@PathParam("type") String type, @PathParam("severity") String severity) {
        policies.delete(type, severity);
        return Response.noContent().build();
    }
}
