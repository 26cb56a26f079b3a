package dev.linkops.reporting.domain.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * One click as reporting stores it. The stock state is the one the link's primary SKU (the first
 * SKU of the click) had when the redirect decided; dimensions never null so they can key a rollup.
 * {@code visitor} is the redirect's daily visitor key, or null when the click came without one.
 */
public record ClickFact(UUID clickId, Instant at, String code, UUID linkId, long linkVersion, String outcome,
                        String branch, String destinationType, String sku, String stockState, Long available,
                        Long signalAgeMs, String market, String device, String language, String referrerHost,
                        boolean bot, String visitor) {

    /** Orphan clicks (unknown code) have no link; they count under this id. */
    public static final UUID NO_LINK = new UUID(0, 0);
    public static final String UNKNOWN = "unknown";

    public static ClickFact of(ClickRecorded c, Instant receivedAt) {
        String outcome = c.outcome() == null || c.outcome().isBlank() ? "ROUTED" : c.outcome();
        String branch = c.branch() != null && !c.branch().isBlank() ? c.branch()
                : "(" + outcome.toLowerCase(Locale.ROOT) + ")";
        ClickRecorded.SkuAtClick primary = c.skus() == null || c.skus().isEmpty() ? null : c.skus().get(0);
        StockState state = primary == null || primary.state() == null ? StockState.UNKNOWN : primary.state();
        return new ClickFact(c.clickId(), c.at() == null ? receivedAt : c.at(), c.code(),
                c.linkId() == null ? NO_LINK : c.linkId(), c.linkVersion(), outcome, branch,
                c.destinationType() == null ? null : c.destinationType().name(),
                primary == null ? null : primary.sku(), state.name(),
                primary == null ? null : primary.available(), primary == null ? null : primary.signalAgeMs(),
                blankTo(c.country(), UNKNOWN).toUpperCase(Locale.ROOT),
                blankTo(c.device(), UNKNOWN).toLowerCase(Locale.ROOT),
                c.language(), c.referrerHost(), c.bot(), blankTo(c.visitor(), null));
    }

    public LocalDate day() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public HourKey hourKey() {
        return new HourKey(at.truncatedTo(ChronoUnit.HOURS), linkId, stockState, market, device, bot);
    }

    public RollupKey rollupKey() {
        return new RollupKey(day(), linkId, linkVersion, branch, stockState, market, device, bot);
    }

    private static String blankTo(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
