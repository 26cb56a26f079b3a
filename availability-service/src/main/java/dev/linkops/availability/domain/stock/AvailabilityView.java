package dev.linkops.availability.domain.stock;

import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.time.Instant;

/** The current signal for one (sku, market) as the API shows it (DESIGN §8). */
public record AvailabilityView(String sku, String market, StockState state, StockState previousState,
                               Instant stateSince, long available, long onHand, long reserved, boolean backorderable,
                               Long baseline, Thresholds thresholds, String source, Instant observedAt,
                               Instant receivedAt, long signalAgeMs, long sequence) {

    public record Thresholds(Long lowAtMost, Integer lowPercentOfBaseline, Integer hysteresis, Long lowMark) {
    }

    public static AvailabilityView of(Availability a, Instant now) {
        return new AvailabilityView(a.sku, a.market, a.state, a.previousState, a.stateSince, a.available, a.onHand,
                a.reserved, a.backorderable, a.baseline,
                new Thresholds(a.lowAtMost, a.lowPercentOfBaseline, a.hysteresis, a.thresholds().lowMark()),
                a.source, a.observedAt, a.receivedAt, Math.max(0, Duration.between(a.observedAt, now).toMillis()),
                a.sequence);
    }
}
