package dev.linkops.alerting.api;

import dev.linkops.alerting.api.dto.AuditRequest;
import dev.linkops.alerting.api.dto.AuditResponse;
import dev.linkops.alerting.domain.audit.AuditScheduler;
import dev.linkops.alerting.domain.audit.AuditService;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Destination audits (link health checks) and the register of every live link's destination health. */
@Path("/api/audits")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audits;

    @Inject
    AuditScheduler scheduler;

    /** The latest check of every (link, branch); {@code ?linkId=} for one link, {@code ?ok=false} for failures. */
    @GET
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public List<AuditResponse> register(@QueryParam("linkId") String linkId, @QueryParam("ok") String ok) {
        UUID link = linkId == null || linkId.isBlank() ? null : Roles.uuid("/linkId", linkId);
        Boolean okFilter = null;
        if (ok != null && !ok.isBlank()) {
            if (!ok.equals("true") && !ok.equals("false")) {
                throw ProblemException.invalid("/ok", "must be true or false");
            }
            okFilter = Boolean.valueOf(ok);
        }
        return audits.latest(link, okFilter).stream().map(AuditResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public AuditResponse get(@PathParam("id") String id) {
        return AuditResponse.of(audits.get(Roles.uuid("/id", id)));
    }

    /** One link: audited now, 200 with its checks. No link: every LIVE link, in the background (202). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.ADMIN})
    public Response run(AuditRequest body) {
        if (body == null || body.linkId() == null || body.linkId().isBlank()) {
            scheduler.submitAll();
            return Response.accepted(Map.of("scope", "every LIVE link", "status", "started")).build();
        }
        UUID linkId = Roles.uuid("/linkId", body.linkId());
        return Response.ok(audits.auditLink(linkId).stream().map(AuditResponse::of).toList()).build();
    }
}
