package dev.linkops.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.api.dto.ChangeRequestResponse;
import dev.linkops.registry.api.dto.DiffResponse;
import dev.linkops.registry.api.dto.HistoryResponse;
import dev.linkops.registry.api.dto.ImportResponse;
import dev.linkops.registry.api.dto.LinkRequest;
import dev.linkops.registry.api.dto.LinkResponse;
import dev.linkops.registry.api.dto.ReasonRequest;
import dev.linkops.registry.api.dto.SimulateRequest;
import dev.linkops.registry.api.dto.VersionResponse;
import dev.linkops.registry.domain.inventory.InventoryService;
import dev.linkops.registry.domain.inventory.LinkCsvService;
import dev.linkops.registry.domain.inventory.LinkFilter;
import dev.linkops.registry.domain.lifecycle.LifecycleService;
import dev.linkops.registry.domain.links.LinkService;
import dev.linkops.registry.domain.links.Purpose;
import dev.linkops.registry.domain.preflight.Checklist;
import dev.linkops.registry.domain.simulation.SimulationResult;
import dev.linkops.registry.domain.simulation.SimulationService;
import dev.linkops.registry.domain.versions.VersionService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static dev.linkops.registry.api.Roles.ADMIN;
import static dev.linkops.registry.api.Roles.ANALYTICS;
import static dev.linkops.registry.api.Roles.MARKETING;
import static dev.linkops.registry.api.Roles.MERCHANDISING;
import static dev.linkops.registry.api.Roles.OPERATIONS;

@Path("/api/links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LinkResource {
    private static final String CSV = "text/csv";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final LinkService links;
    private final LifecycleService lifecycle;
    private final SimulationService simulation;
    private final VersionService versions;
    private final InventoryService inventory;
    private final LinkCsvService csv;
    private final Callers callers;

    public LinkResource(LinkService links, LifecycleService lifecycle, SimulationService simulation,
                        VersionService versions, InventoryService inventory, LinkCsvService csv, Callers callers) {
        this.links = links;
        this.lifecycle = lifecycle;
        this.simulation = simulation;
        this.versions = versions;
        this.inventory = inventory;
        this.csv = csv;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({MARKETING, ADMIN})
    public Response create(LinkRequest body, @Context UriInfo uri) {
        if (body == null) {
            throw ProblemException.invalid("/", "a link is required");
        }
        LinkService.Created created = links.create(body.toInput(), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(created.link().id.toString()).build())
                .entity(LinkResponse.of(created.link(), created.warnings())).build();
    }

    @GET
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<LinkResponse> list(@QueryParam("owner") String owner, @QueryParam("team") String team,
                                   @QueryParam("campaign") String campaign, @QueryParam("channel") String channel,
                                   @QueryParam("sku") String sku, @QueryParam("status") String status,
                                   @QueryParam("purpose") String purpose,
                                   @QueryParam("expiringWithin") String expiringWithin,
                                   @QueryParam("missingUtm") String missingUtm,
                                   @QueryParam("failingAudit") String failingAudit,
                                   @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        LinkFilter filter = filter(owner, team, campaign, channel, sku, status, purpose, expiringWithin, missingUtm,
                failingAudit, offset, limit);
        return inventory.search(filter).stream().map(LinkResponse::of).toList();
    }

    @GET
    @Path("export")
    @Produces(CSV)
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public Response export(@QueryParam("owner") String owner, @QueryParam("team") String team,
                           @QueryParam("campaign") String campaign, @QueryParam("channel") String channel,
                           @QueryParam("sku") String sku, @QueryParam("status") String status,
                           @QueryParam("purpose") String purpose, @QueryParam("expiringWithin") String expiringWithin,
                           @QueryParam("missingUtm") String missingUtm,
                           @QueryParam("failingAudit") String failingAudit) {
        LinkFilter filter = filter(owner, team, campaign, channel, sku, status, purpose, expiringWithin, missingUtm,
                failingAudit, "0", "100000");
        return Response.ok(csv.export(inventory.search(filter)))
                .header("Content-Disposition", "attachment; filename=\"links.csv\"").build();
    }

    @POST
    @Path("import")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @RolesAllowed({MARKETING, ADMIN})
    public ImportResponse importCsv(String body) {
        LinkCsvService.Imported imported = csv.importCsv(body, callers.current());
        return new ImportResponse(imported.created(), imported.links().stream().map(LinkResponse::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public LinkResponse get(@PathParam("id") UUID id) {
        return LinkResponse.of(links.get(id));
    }

    /** 200 with the new version, or 202 with a change request when a live link's routing would change. */
    @PUT
    @Path("{id}")
    @RolesAllowed({MARKETING, ADMIN})
    public Response replace(@PathParam("id") UUID id, LinkRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/", "the link's new definition is required");
        }
        return edited(links.replace(id, body.toInput(), body.reason(), callers.current()));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({MARKETING, ADMIN})
    public Response patch(@PathParam("id") UUID id, JsonNode mergePatch) {
        return edited(links.patch(id, mergePatch, callers.current()));
    }

    @POST
    @Path("{id}/preflight")
    @RolesAllowed({MARKETING, ADMIN})
    public Checklist preflight(@PathParam("id") UUID id) {
        return lifecycle.preflight(id);
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({MARKETING, ADMIN})
    public LinkResponse publish(@PathParam("id") UUID id, ReasonRequest body) {
        return LinkResponse.of(lifecycle.publish(id, ReasonRequest.of(body), callers.current()));
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed({MARKETING, OPERATIONS, ADMIN})
    public LinkResponse pause(@PathParam("id") UUID id, ReasonRequest body) {
        return LinkResponse.of(lifecycle.pause(id, ReasonRequest.of(body), callers.current()));
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed({MARKETING, OPERATIONS, ADMIN})
    public LinkResponse resume(@PathParam("id") UUID id, ReasonRequest body) {
        return LinkResponse.of(lifecycle.resume(id, ReasonRequest.of(body), callers.current()));
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed({MARKETING, ADMIN})
    public LinkResponse archive(@PathParam("id") UUID id, ReasonRequest body) {
        return LinkResponse.of(lifecycle.archive(id, ReasonRequest.of(body), callers.current()));
    }

    @POST
    @Path("{id}/simulate")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public SimulationResult simulate(@PathParam("id") UUID id, SimulateRequest body) {
        return simulation.simulate(id, (body == null ? new SimulateRequest(null, null, null, null, null, null, null)
                : body).toScenario());
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<VersionResponse> versions(@PathParam("id") UUID id) {
        return versions.list(id).stream().map(VersionResponse::summary).toList();
    }

    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public VersionResponse version(@PathParam("id") UUID id, @PathParam("version") long version) {
        return VersionResponse.full(versions.get(id, version));
    }

    /** {@code GET /api/links/{id}/diff?from=1&to=3} */
    @GET
    @Path("{id}/diff")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public DiffResponse diff(@PathParam("id") UUID id, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ProblemException.invalid(from == null ? "/from" : "/to", "is required: a version number");
        }
        return new DiffResponse(from, to, versions.diff(id, from, to).stream()
                .map(c -> new DiffResponse.FieldChange(c.field(), c.from(), c.to())).toList());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({MARKETING, MERCHANDISING, OPERATIONS, ANALYTICS, ADMIN})
    public List<HistoryResponse> history(@PathParam("id") UUID id) {
        return versions.history(id).stream().map(HistoryResponse::of).toList();
    }

    private static Response edited(LinkService.EditOutcome outcome) {
        if (outcome.pendingApproval()) {
            return Response.accepted(ChangeRequestResponse.of(outcome.changeRequest())).build();
        }
        return Response.ok(LinkResponse.of(outcome.link(), outcome.warnings())).build();
    }

    private static LinkFilter filter(String owner, String team, String campaign, String channel, String sku,
                                     String status, String purpose, String expiringWithin, String missingUtm,
                                     String failingAudit, String offset, String limit) {
        LinkStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = LinkStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("/status", "must be one of " + List.of(LinkStatus.values()));
            }
        }
        Purpose parsedPurpose = null;
        if (purpose != null && !purpose.isBlank()) {
            try {
                parsedPurpose = Purpose.valueOf(purpose.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("/purpose", "must be one of " + List.of(Purpose.values()));
            }
        }
        int parsedLimit = number(limit, "/limit", 100);
        if (parsedLimit < 1 || parsedLimit > 100_000) {
            throw ProblemException.invalid("/limit", "must be between 1 and 100000");
        }
        int parsedOffset = number(offset, "/offset", 0);
        if (parsedOffset < 0) {
            throw ProblemException.invalid("/offset", "must not be negative");
        }
        return new LinkFilter(owner, team, campaign, channel, sku, parsedStatus, parsedPurpose,
                horizon(expiringWithin), flag(missingUtm, "/missingUtm"), flag(failingAudit, "/failingAudit"),
                parsedOffset, parsedLimit);
    }

    private static int number(String value, String field, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    private static Boolean flag(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(field, "must be true or false");
        };
    }

    /** "7" means seven days; ISO-8601 durations ("P7D", "PT48H") work too. */
    private static Duration horizon(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration d = value.chars().allMatch(Character::isDigit) ? Duration.ofDays(Long.parseLong(value))
                    : Duration.parse(value.toUpperCase(Locale.ROOT));
            if (d.isNegative() || d.isZero()) {
                throw ProblemException.invalid("/expiringWithin", "must be positive");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ProblemException.invalid("/expiringWithin", "must be a number of days (7) or an ISO-8601 duration (P7D)");
        }
    }
}
