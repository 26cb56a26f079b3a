package dev.linkops.registry.domain.simulation;

import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;
import java.util.Map;

/**
 * A hypothetical request: availability per SKU (SKUs left out use the latest real signal), who asks
 * and from where, the raw incoming query, and when (default: now, or the window's start if later).
 */
public record Scenario(Map<String, SkuAvailability> availability, String device, String market, String language,
                       String segment, String query, Instant at) {

    /** {@code ageSeconds} makes the signal that old, to try the UNKNOWN branch of a stale feed. */
    public record SkuAvailability(StockState state, Long available, Long baseline, Long ageSeconds) {
    }
}
