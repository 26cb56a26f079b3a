package dev.linkops.availability.api;

import dev.linkops.availability.api.dto.SkuThresholdsResponse;
import dev.linkops.availability.api.dto.ThresholdRequest;
import dev.linkops.availability.api.dto.ThresholdResponse;
import dev.linkops.availability.domain.stock.AvailabilityQueries;
import dev.linkops.availability.domain.stock.EffectiveThresholds;
import dev.linkops.availability.domain.thresholds.SkuThreshold;
import dev.linkops.availability.domain.thresholds.ThresholdService;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Thresholds per SKU and market, and defaults per SKU prefix. */
@Path("/api/skus")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ThresholdResource {
    @Inject
    ThresholdService thresholds;

    @Inject
    AvailabilityQueries availability;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/{sku}/thresholds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.MERCHANDISING, Roles.ADMIN})
    public ThresholdResponse put(@PathParam("sku") String sku, ThresholdRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/", "a JSON object with market and thresholds is required");
        }
        if (body.skuPrefix() != null) {
            throw ProblemException.invalid("/skuPrefix", "belongs to PUT /api/skus/threshold-defaults, not to one SKU");
        }
        return ThresholdResponse.of(thresholds.putForSku(sku, body.market(), values(body), user()));
    }

    @GET
    @Path("/{sku}/thresholds")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    public SkuThresholdsResponse get(@PathParam("sku") String sku) {
        List<ThresholdResponse> settings = thresholds.forSku(sku).stream().map(ThresholdResponse::of).toList();
        Set<String> markets = new LinkedHashSet<>();
        availability.list(null, null, sku, 0, 1000).forEach(a -> markets.add(a.market()));
        settings.forEach(s -> {
            if (!SkuThreshold.ALL_MARKETS.equals(s.market())) {
                markets.add(s.market());
            }
        });
        List<ThresholdResponse.Effective> effective = markets.stream()
                .map(m -> ThresholdResponse.Effective.of(m, thresholds.effective(sku, m))).toList();
        return new SkuThresholdsResponse(sku, settings, effective);
    }

    @GET
    @Path("/threshold-defaults")
    @RolesAllowed({Roles.MARKETING, Roles.MERCHANDISING, Roles.OPERATIONS, Roles.ANALYTICS, Roles.ADMIN, Roles.SERVICE})
    public List<ThresholdResponse> defaults() {
        return thresholds.defaults().stream().map(ThresholdResponse::of).toList();
    }

    @PUT
    @Path("/threshold-defaults")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATIONS, Roles.MERCHANDISING, Roles.ADMIN})
    public ThresholdResponse putDefault(ThresholdRequest body) {
        if (body == null) {
            throw ProblemException.invalid("/", "a JSON object with skuPrefix, market and thresholds is required");
        }
        return ThresholdResponse.of(thresholds.putDefault(body.skuPrefix(), body.market(), values(body), user()));
    }

    private static EffectiveThresholds values(ThresholdRequest b) {
        return new EffectiveThresholds(b.lowAtMost(), b.baseline(), b.lowPercentOfBaseline(), b.hysteresis());
    }

    private String user() {
        return identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
    }
}
