package dev.linkops.contracts.events.v1;

import java.util.List;

/**
 * Conditions of one branch; every non-null part must hold. Device values are mobile, tablet,
 * desktop; markets are ISO 3166 alpha-2; languages ISO 639-1; segments free labels.
 */
public record RouteCondition(StockCondition stock, List<String> device, List<String> market,
                             List<String> language, List<String> segment, TimeWindow time) {

    /**
     * {@code sku} is "primary", "any", "all" or a SKU. Exactly one of {@code state},
     * {@code availableAtMost}, {@code percentOfBaselineAtMost} is set.
     */
    public record StockCondition(String sku, List<StockState> state, Long availableAtMost,
                                 Integer percentOfBaselineAtMost) {
    }

    /** Half-open window [from, to); either end may be open (null). */
    public record TimeWindow(java.time.Instant from, java.time.Instant to) {
    }
}
