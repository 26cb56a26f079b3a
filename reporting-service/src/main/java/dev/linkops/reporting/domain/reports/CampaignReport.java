package dev.linkops.reporting.domain.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stock-aware report: rows grouped as asked, totals, CTR against imported impressions, the clicks
 * that met an out-of-stock product and the revenue they likely cost.
 *
 * @param source "rollup" for whole-day ranges, "facts" otherwise
 */
public record CampaignReport(String campaign, String link, Instant from, Instant to, List<String> groupBy,
                             boolean includeBots, String source, List<Map<String, Object>> rows,
                             Map<String, Object> totals, Long impressions, BigDecimal spend, Double ctr,
                             BigDecimal costPerClick, LostToOutOfStock lostToOutOfStock,
                             Double postStockoutAbandonment) {

    /**
     * @param estimatedLostRevenue out-of-stock clicks times the in-stock revenue per click, less what
     *                             those clicks still earned; never negative
     */
    public record LostToOutOfStock(long clicks, BigDecimal inStockRevenuePerClick, BigDecimal estimatedLostRevenue) {
    }
}
