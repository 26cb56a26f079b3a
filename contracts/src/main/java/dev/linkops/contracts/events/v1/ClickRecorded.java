package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One redirect served (DESIGN §2). {@code outcome} tells routed clicks from fallbacks:
 * ROUTED, EXPIRED, PAUSED, NOT_LIVE, UNKNOWN_CODE (orphan) or ERROR_FALLBACK. {@code visitor} is a
 * keyed hash of the visitor's address and user agent that changes every UTC day: two clicks of one
 * visitor on one day carry the same key, keys of different days cannot be linked, and the address itself
 * never leaves the redirect. Null when unknown (clicks from before the field existed).
 */
public record ClickRecorded(UUID clickId, String code, UUID linkId, long linkVersion, String outcome,
                            String branch, DestinationType destinationType, String destination,
                            List<SkuAtClick> skus, String device, String country, String language,
                            String referrerHost, boolean bot, Instant at, String visitor) {

    /** A click whose visitor is not known (what a producer without visitor keys sends). */
    public ClickRecorded(UUID clickId, String code, UUID linkId, long linkVersion, String outcome, String branch,
                         DestinationType destinationType, String destination, List<SkuAtClick> skus, String device,
                         String country, String language, String referrerHost, boolean bot, Instant at) {
        this(clickId, code, linkId, linkVersion, outcome, branch, destinationType, destination, skus, device,
                country, language, referrerHost, bot, at, null);
    }

    /** What the click saw of one SKU: state, quantity and how old the signal was. */
    public record SkuAtClick(String sku, StockState state, Long available, Long signalAgeMs) {
    }
}
