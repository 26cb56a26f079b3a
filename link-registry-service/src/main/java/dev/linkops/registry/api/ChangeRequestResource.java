package dev.linkops.registry.api;

import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.api.dto.ChangeRequestResponse;
import dev.linkops.registry.api.dto.ReasonRequest;
import dev.linkops.registry.domain.approvals.ChangeRequestService;
import dev.linkops.registry.domain.approvals.ChangeRequestStatus;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static dev.linkops.registry.api.Roles.ADMIN;
import static dev.linkops.registry.api.Roles.ANALYTICS;
import static dev.linkops.registry.api.Roles.MARKETING;
import static dev.linkops.registry.api.Roles.MERCHANDISING;
import static dev.linkops.registry.api.Roles.OPERATIONS;

/** Four-eyes decisions on routing changes to live links. */
@Path("/api/change-requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {
    private final ChangeRequestService changeRequests;
    private final Callers callers;

    public ChangeRequestResource(ChangeRequestService changeRequests, Callers callers) {
        this.changeRequests = changeRequests;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<ChangeRequestResponse> list(@QueryParam("status") String status, @QueryParam("linkId") String linkId) {
        ChangeRequestStatus parsed = null;
        if (status != null && !status.isBlank()) {
            try {
                parsed = ChangeRequestStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("/status", "must be PENDING, APPROVED or REJECTED");
            }
        }
        UUID link = null;
        if (linkId != null && !linkId.isBlank()) {
            try {
                link = UUID.fromString(linkId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("/linkId", "must be a link id (UUID)");
            }
        }
        return changeRequests.search(parsed, link).stream().map(ChangeRequestResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public ChangeRequestResponse get(@PathParam("id") UUID id) {
        return ChangeRequestResponse.of(changeRequests.get(id));
    }

    /** Publishes the proposed version; the approver must not be the proposer. */
    @POST
    @Path("{id}/approve")
    @RolesAllowed({MERCHANDISING, OPERATIONS, ADMIN})
    public ChangeRequestResponse approve(@PathParam("id") UUID id, ReasonRequest body) {
        return ChangeRequestResponse.of(changeRequests.approve(id, ReasonRequest.of(body), callers.current()));
    }

    /** The live version stays. */
    @POST
    @Path("{id}/reject")
    @RolesAllowed({MERCHANDISING, OPERATIONS, ADMIN})
    public ChangeRequestResponse reject(@PathParam("id") UUID id, ReasonRequest body) {
        return ChangeRequestResponse.of(changeRequests.reject(id, ReasonRequest.of(body), callers.current()));
    }
}
