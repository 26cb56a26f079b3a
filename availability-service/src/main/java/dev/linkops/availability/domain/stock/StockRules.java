package dev.linkops.availability.domain.stock;

import dev.linkops.contracts.events.v1.StockState;

/**
 * Stock state from quantity and thresholds (DESIGN §3). The hysteresis band sits above the low mark:
 * once LOW, a SKU stays LOW until it clears lowMark + band, so a quantity hovering at the mark does
 * not flap. Zero is not banded: nothing available is out of stock (or backorder) at once, and one
 * unit back is sellable at once.
 */
public final class StockRules {
    private StockRules() {
    }

    public static StockState next(StockState previous, long available, boolean backorderable, EffectiveThresholds t) {
        if (available <= 0) {
            return backorderable ? StockState.BACKORDER : StockState.OUT_OF_STOCK;
        }
        Long low = t.lowMark();
        if (low == null) {
            return StockState.IN_STOCK;
        }
        if (available <= low) {
            return StockState.LOW;
        }
        if (previous == StockState.LOW && available <= low + t.band()) {
            return StockState.LOW;
        }
        return StockState.IN_STOCK;
    }
}
