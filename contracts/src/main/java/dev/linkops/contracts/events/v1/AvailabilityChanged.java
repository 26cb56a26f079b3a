package dev.linkops.contracts.events.v1;

import java.time.Instant;

/**
 * The authoritative availability of one SKU in one market. {@code sequence} grows per
 * (sku, market); consumers ignore anything not newer than what they hold.
 */
public record AvailabilityChanged(String sku, String market, StockState state, StockState previousState,
                                  long available, Long baseline, Thresholds thresholds, String source,
                                  Instant observedAt, Instant receivedAt, long sequence) {

    public record Thresholds(Long lowAtMost, Integer lowPercentOfBaseline, Integer hysteresis) {
    }
}
