package dev.linkops.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.reporting.api.dto.PendingEventsResponse;
import dev.linkops.reporting.domain.events.EventBatchResult;
import dev.linkops.reporting.domain.events.PendingEvents;
import dev.linkops.reporting.domain.events.PostClickService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Post-click events from storefronts (server to server), keyed by the click id the redirect appended. */
@Path("/api/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {
    @Inject
    PostClickService events;
    @Inject
    PendingEvents pending;

    /** 200 with what was accepted, attached, kept apart (unknown click yet), duplicated and rejected by index. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"service", "admin"})
    public EventBatchResult post(JsonNode body) {
        return events.ingest(body);
    }

    /** Events still waiting for their click, oldest first. */
    @GET
    @Path("/pending")
    @RolesAllowed({"analytics", "service", "admin"})
    public PendingEventsResponse pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 1000));
        return new PendingEventsResponse(pending.count(), pending.oldest(bounded));
    }
}
