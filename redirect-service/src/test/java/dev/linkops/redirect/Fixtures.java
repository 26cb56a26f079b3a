package dev.linkops.redirect;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The speaker link of DESIGN §8: PDP while in stock, the category when low, the waitlist when sold out. */
public final class Fixtures {
    public static final String SHOP = "https://shop.test";

    private Fixtures() {
    }

    public static LinkPublished speakerLink(String code, String sku, long version, LinkStatus status) {
        return new LinkPublished(UUID.nameUUIDFromBytes(code.getBytes()), code, version, status,
                List.of(sku), List.of("US"), "en", null, null,
                new RouteTarget(SHOP + "/p/{sku}", DestinationType.PDP),
                List.of(
                        new RouteRule("low-stock", stock(StockState.LOW),
                                new RouteTarget(SHOP + "/c/speakers?featured={sku}", DestinationType.CATEGORY)),
                        new RouteRule("sold-out", stock(StockState.OUT_OF_STOCK),
                                new RouteTarget(SHOP + "/waitlist/{sku}", DestinationType.WAITLIST))),
                new LinkPublished.Fallbacks(SHOP + "/c/speakers", SHOP + "/expired", SHOP + "/paused"),
                Map.of("source", "google", "medium", "cpc"), 302, Duration.ofMinutes(15), true,
                "alice", "marketing", "20261205_paidsearch_audio", "paid_search");
    }

    /** A link whose destination already carries parameters, for query passthrough. */
    public static LinkPublished plainLink(String code, String destination, int redirectStatus, boolean clickId) {
        return new LinkPublished(UUID.nameUUIDFromBytes(code.getBytes()), code, 1, LinkStatus.LIVE,
                List.of(), List.of(), "en", null, null,
                new RouteTarget(destination, DestinationType.CUSTOM), List.of(),
                new LinkPublished.Fallbacks(SHOP + "/", null, null),
                Map.of("source", "newsletter"), redirectStatus, null, clickId,
                "alice", "marketing", "c", "email");
    }

    private static RouteCondition stock(StockState state) {
        return new RouteCondition(new RouteCondition.StockCondition("primary", List.of(state), null, null),
                null, null, null, null, null);
    }

    public static AvailabilityChanged availability(String sku, StockState state, long available, long sequence) {
        Instant now = Instant.now();
        return new AvailabilityChanged(sku, "US", state, null, available, 400L, null, "erp", now, now, sequence);
    }
}
