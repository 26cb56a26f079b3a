package dev.linkops.routing;

import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;
import java.util.Objects;

/**
 * What availability-service last said about one SKU in one market. The redirect keeps these in its
 * in-memory table and hands the same instances to the evaluator, so building one is the consumer's
 * cost, not the request's.
 *
 * @param state      stock state computed by availability-service (with hysteresis)
 * @param available  units available; may be negative when oversold
 * @param baseline   reference quantity for percentage conditions; null when the SKU has none
 * @param observedAt when the source observed this quantity; a signal's age is measured from here, so
 *                   a feed that delivers old observations late is still recognised as stale
 */
public record AvailabilitySignal(StockState state, long available, Long baseline, Instant observedAt) {

    public AvailabilitySignal {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
