package dev.linkops.reporting.domain.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Additive counters of one report cell, and the rates derived from them. */
public record Counts(long clicks, long uniqueClicks, long addToCarts, long purchases, BigDecimal revenue,
                     long waitlistSignups, long backInStockClicks, long variantChanges, long searchRefinements,
                     long bounces) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(clicks + o.clicks, uniqueClicks + o.uniqueClicks, addToCarts + o.addToCarts,
                purchases + o.purchases, revenue.add(o.revenue), waitlistSignups + o.waitlistSignups,
                backInStockClicks + o.backInStockClicks, variantChanges + o.variantChanges,
                searchRefinements + o.searchRefinements, bounces + o.bounces);
    }

    public Double conversionRate() {
        return rate(purchases);
    }

    public BigDecimal revenuePerClick() {
        return clicks == 0 ? null : revenue.divide(BigDecimal.valueOf(clicks), 4, RoundingMode.HALF_UP);
    }

    /**
     * The metrics of a report row, in a fixed order (CSV columns follow it). uniqueClicks counts
     * visitors once per link and UTC day, in the cell of their first click (V2__unique_clicks.sql).
     */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clicks", clicks);
        m.put("uniqueClicks", uniqueClicks);
        m.put("conversions", purchases);
        m.put("revenue", revenue.setScale(2, RoundingMode.HALF_UP));
        m.put("conversionRate", conversionRate());
        m.put("revenuePerClick", revenuePerClick());
        m.put("addToCarts", addToCarts);
        m.put("addToCartRate", rate(addToCarts));
        m.put("waitlistSignups", waitlistSignups);
        m.put("waitlistSignupRate", rate(waitlistSignups));
        m.put("backInStockClicks", backInStockClicks);
        m.put("variantChanges", variantChanges);
        m.put("searchRefinements", searchRefinements);
        m.put("bounces", bounces);
        m.put("bounceRate", rate(bounces));
        return m;
    }

    Double rate(long numerator) {
        return clicks == 0 ? null : round(numerator / (double) clicks);
    }

    static Double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }
}
