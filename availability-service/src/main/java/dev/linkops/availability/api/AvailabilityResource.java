package dev.linkops.availability.api;

import dev.linkops.availability.api.dto.TransitionResponse;
import dev.linkops.availability.domain.stock.AvailabilityQueries;
import dev.linkops.availability.domain.stock.AvailabilityView;
import dev.linkops.availability.domain.stock.SourceComparison;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/** Reads of the authoritative signal; every role may read. */
@Path("/api/availability")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AvailabilityResource {
    private static final int MAX_PAGE = 1000;

    @Inject
    AvailabilityQueries queries;

    /** SKUs by state: {@code ?state=LOW&market=US}. */
    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    public List<AvailabilityView> list(@QueryParam("state") String state, @QueryParam("market") String market,
                                       @QueryParam("sku") String sku, @QueryParam("page") @DefaultValue("0") int page,
                                       @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0) {
            throw ProblemException.invalid("/page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalid("/size", "must be between 1 and " + MAX_PAGE);
        }
        return queries.list(state(state), market(market, false), blankToNull(sku), page, size);
    }

    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    @Path("/{sku}")
    public AvailabilityView current(@PathParam("sku") String sku, @QueryParam("market") String market) {
        return queries.current(sku, market(market, true));
    }

    /** State transitions, newest first (the report timeline). */
    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    @Path("/{sku}/history")
    public List<TransitionResponse> history(@PathParam("sku") String sku, @QueryParam("market") String market,
                                            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("/limit", "must be between 1 and " + MAX_PAGE);
        }
        return queries.history(sku, market(market, false), limit).stream().map(TransitionResponse::of).toList();
    }

    /** What every source says about the SKU, next to the authoritative figure. */
    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    @Path("/{sku}/sources")
    public List<SourceComparison> bySource(@PathParam("sku") String sku, @QueryParam("market") String market) {
        return queries.bySource(sku, market(market, false));
    }

    /** Non-authoritative feeds disagreeing with the authoritative one (ERP vs storefront, say). */
    @GET
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    @Path("/discrepancies")
    public List<SourceComparison> discrepancies(@QueryParam("market") String market,
                                                @QueryParam("minDifference") @DefaultValue("1") long minDifference,
                                                @QueryParam("limit") @DefaultValue("100") int limit) {
        if (minDifference < 0) {
            throw ProblemException.invalid("/minDifference", "must be 0 or more units");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("/limit", "must be between 1 and " + MAX_PAGE);
        }
        return queries.discrepancies(market(market, false), minDifference, limit);
    }

    private static StockState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return StockState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("/state", "must be one of IN_STOCK, LOW, OUT_OF_STOCK, BACKORDER, UNKNOWN");
        }
    }

    private static String market(String market, boolean required) {
        if (market == null || market.isBlank()) {
            if (required) {
                throw ProblemException.invalid("/market", "is required: ?market= a two-letter country code such as US");
            }
            return null;
        }
        String m = market.trim().toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]{2}")) {
            throw ProblemException.invalid("/market", "must be a two-letter ISO 3166 country code such as US");
        }
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
