package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;
import java.util.List;

/**
 * The signals of every SKU a link can look at, read once per request so every condition (and the
 * click record) sees the same values.
 */
final class StockSnapshot {

    /** What the click saw; the state is UNKNOWN when the signal is missing or stale. */
    final SkuAtClick[] seen;
    /** The raw signals, null when missing; only read where {@code seen} is not UNKNOWN. */
    final AvailabilitySignal[] signals;

    private StockSnapshot(SkuAtClick[] seen, AvailabilitySignal[] signals) {
        this.seen = seen;
        this.signals = signals;
    }

    /**
     * @param missing one shared "no signal" entry per SKU, so a missing signal costs no allocation
     */
    static StockSnapshot take(String[] skus, SkuAtClick[] missing, AvailabilityView availability,
                              String market, Instant now, long maxSignalAgeMillis) {
        int n = skus.length;
        SkuAtClick[] seen = new SkuAtClick[n];
        AvailabilitySignal[] signals = new AvailabilitySignal[n];
        long nowMillis = now.toEpochMilli();
        for (int i = 0; i < n; i++) {
            AvailabilitySignal signal = availability.signal(skus[i], market);
            if (signal == null) {
                seen[i] = missing[i];
                continue;
            }
            // a feed clock slightly ahead of ours is not a reason to distrust the signal
            long age = Math.max(0L, nowMillis - signal.observedAt().toEpochMilli());
            StockState state = age > maxSignalAgeMillis ? StockState.UNKNOWN : signal.state();
            seen[i] = new SkuAtClick(skus[i], state, signal.available(), age);
            signals[i] = signal;
        }
        return new StockSnapshot(seen, signals);
    }

    List<SkuAtClick> seenList() {
        return List.of(seen);
    }
}
