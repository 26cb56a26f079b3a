package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One redirect served (DESIGN §2). {@code outcome} tells routed clicks from fallbacks:
 * ROUTED, EXPIRED, PAUSED, NOT_LIVE, UNKNOWN_CODE (orphan) or ERROR_FALLBACK.
 */
public record ClickRecorded(UUID clickId, String code, UUID linkId, long linkVersion, String outcome,
                            String branch, DestinationType destinationType, String destination,
                            List<SkuAtClick> skus, String device, String country, String language,
                            String referrerHost, boolean bot, Instant at) {

    /** What the click saw of one SKU: state, quantity and how old the signal was. */
    public record SkuAtClick(String sku, StockState state, Long available, Long signalAgeMs) {
    }
}
