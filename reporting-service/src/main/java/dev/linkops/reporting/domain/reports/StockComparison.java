package dev.linkops.reporting.domain.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The same creative (link version) while its primary SKU was in stock and while stock was unstable
 * (LOW, OUT_OF_STOCK, BACKORDER). stockDrivenDropOff = in-stock minus unstable conversion rate of the
 * creative; messageDrivenDropOff = the campaign's in-stock conversion rate minus the creative's own
 * in-stock rate (it underperforms even with stock, so the message is the problem).
 */
public record StockComparison(String campaign, Instant from, Instant to, Double campaignInStockConversionRate,
                              List<Creative> creatives) {

    public record Creative(String link, String code, long version, Map<String, Object> inStock,
                           Map<String, Object> unstable, Double stockDrivenDropOff, Double messageDrivenDropOff) {
    }
}
