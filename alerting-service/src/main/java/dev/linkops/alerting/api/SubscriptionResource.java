package dev.linkops.alerting.api;

import dev.linkops.alerting.api.dto.SubscriptionRequest;
import dev.linkops.alerting.api.dto.SubscriptionResponse;
import dev.linkops.alerting.domain.notify.SubscriptionService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Who hears of alerts: people subscribe themselves; operations/admin manage team subscriptions. */
@Path("/api/subscriptions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public List<SubscriptionResponse> list() {
        return subscriptions.list(caller()).stream().map(SubscriptionResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public Response create(SubscriptionRequest body) {
        var s = subscriptions.create(body == null ? null : new SubscriptionService.NewSubscription(body.kind(),
                body.subscriber(), body.channel(), body.url(), body.secret(), body.alertTypes(), body.minSeverity()),
                caller());
        return Response.created(URI.create("/api/subscriptions/" + s.id)).entity(SubscriptionResponse.of(s)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public SubscriptionResponse get(@PathParam("id") String id) {
        return SubscriptionResponse.of(subscriptions.get(Roles.uuid("/id", id), caller()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(Roles.uuid("/id", id), caller());
        return Response.noContent().build();
    }

    /** Turns a webhook that was disabled after repeated failures back on. */
    @POST
    @Path("/{id}/enable")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN})
    public SubscriptionResponse enable(@PathParam("id") String id) {
        return SubscriptionResponse.of(subscriptions.enable(Roles.uuid("/id", id), caller()));
    }

    private SubscriptionService.Caller caller() {
        return new SubscriptionService.Caller(identity.getPrincipal().getName(), identity.getRoles());
    }
}
