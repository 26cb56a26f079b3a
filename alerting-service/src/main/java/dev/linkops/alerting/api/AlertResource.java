package dev.linkops.alerting.api;

import dev.linkops.alerting.api.dto.AlertResponse;
import dev.linkops.alerting.api.dto.ResolveAlertRequest;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

@Path("/api/alerts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public List<AlertResponse> list(@QueryParam("status") String status, @QueryParam("owner") String owner,
                                    @QueryParam("team") String team, @QueryParam("type") String type) {
        return alerts.search(status, owner, team, type).stream().map(AlertResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public AlertResponse get(@PathParam("id") String id) {
        return AlertResponse.of(alerts.get(Roles.uuid("/id", id)));
    }

    /** Operations, admin, or the alert's owner (checked in the service). */
    @POST
    @Path("/{id}/ack")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public AlertResponse acknowledge(@PathParam("id") String id) {
        return AlertResponse.of(alerts.acknowledge(Roles.uuid("/id", id), caller()));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    @Consumes(MediaType.WILDCARD) // the body is optional: a bare POST resolves without a reason
    public AlertResponse resolve(@PathParam("id") String id, String body) {
        return AlertResponse.of(alerts.resolve(Roles.uuid("/id", id), caller(), reason(body)));
    }

    private static String reason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            ResolveAlertRequest request = EventCodec.mapper().readValue(body, ResolveAlertRequest.class);
            return request == null ? null : request.reason();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid("/", "body must be JSON like {\"reason\": \"...\"}: " + e.getOriginalMessage());
        }
    }

    private AlertService.Caller caller() {
        return new AlertService.Caller(identity.getPrincipal().getName(), identity.getRoles());
    }
}
