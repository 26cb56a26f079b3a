package dev.linkops.reporting.support;

import dev.linkops.contracts.events.v1.AlertRaised;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Event payloads as the other services publish them, with only what a test cares about varied. */
public final class Fixtures {
    private Fixtures() {
    }

    public static LinkPublished link(UUID linkId, String code, String campaign, String channel, String... skus) {
        return new LinkPublished(linkId, code, 1, LinkStatus.LIVE, List.of(skus), List.of("US"), "en",
                null, null, new RouteTarget("http://localhost:8090/p/" + skus[0], DestinationType.PDP), List.of(),
                new LinkPublished.Fallbacks("http://localhost:8090/c/all", null, null),
                Map.of("campaign", campaign), 302, Duration.ofMinutes(15), true, "alice", "marketing", campaign,
                channel);
    }

    public static ClickRecorded click(UUID clickId, LinkPublished link, StockState state, String branch,
                                      String device, String country, boolean bot, Instant at) {
        return click(clickId, link, state, branch, device, country, bot, at, null);
    }

    /** @param visitor the redirect's daily visitor key, or null for a click without one */
    public static ClickRecorded click(UUID clickId, LinkPublished link, StockState state, String branch,
                                      String device, String country, boolean bot, Instant at, String visitor) {
        DestinationType type = state == StockState.OUT_OF_STOCK ? DestinationType.WAITLIST : DestinationType.PDP;
        return new ClickRecorded(clickId, link.code(), link.linkId(), link.version(), "ROUTED", branch, type,
                "http://localhost:8090/p/" + link.skus().get(0),
                List.of(new ClickRecorded.SkuAtClick(link.skus().get(0), state,
                        state == StockState.OUT_OF_STOCK ? 0L : 100L, 2000L)),
                device, country, "en", "google.com", bot, at, visitor);
    }

    public static AvailabilityChanged stock(String sku, StockState state, StockState previous, long sequence,
                                            Instant observedAt, Duration lag) {
        return new AvailabilityChanged(sku, "US", state, previous, state == StockState.OUT_OF_STOCK ? 0 : 50, 400L,
                null, "erp", observedAt, observedAt.plus(lag), sequence);
    }

    public static AlertRaised alert(UUID linkId, String sku, Instant at) {
        return new AlertRaised(UUID.randomUUID(), "PROMOTED_SKU_OUT_OF_STOCK", "HIGH", "SKU " + sku + " sold out",
                "alice", "marketing", at.plus(Duration.ofHours(1)), linkId, sku, at);
    }

    public static DestinationChecked audit(UUID linkId, boolean ok, Instant at) {
        return new DestinationChecked(linkId, 1, "default", "http://localhost:8090/p/x", ok ? 200 : 404,
                "http://localhost:8090/p/x", true, StockState.IN_STOCK, ok, ok ? null : "404 Not Found", at);
    }
}
