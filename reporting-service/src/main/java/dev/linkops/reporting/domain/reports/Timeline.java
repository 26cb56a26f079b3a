package dev.linkops.reporting.domain.reports;

import java.time.Instant;
import java.util.List;

/**
 * Clicks per hour by stock state, with the stock transitions of the SKUs involved and their alerts.
 * {@code source}: "hourly" (click_hourly, for ranges of whole hours) or "facts".
 */
public record Timeline(String campaign, String link, Instant from, Instant to, String source, List<String> skus,
                       List<Bucket> buckets, List<Transition> transitions, List<Alert> alerts) {

    public record Bucket(Instant hour, String stockState, long clicks) {
    }

    public record Transition(String sku, String market, Instant at, String state, String previousState,
                             long available, String source) {
    }

    public record Alert(String alertId, String type, String severity, String subject, String link, String sku,
                        Instant raisedAt, Instant resolvedAt) {
    }
}
