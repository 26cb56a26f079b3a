package dev.linkops.reporting.domain.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which clicks a report counts. {@code from} inclusive, {@code to} exclusive. When both fall on
 * midnight UTC the report reads the daily rollup, otherwise the facts.
 */
public record ReportQuery(String campaign, UUID linkId, Instant from, Instant to, String channel, String market,
                          String device, boolean includeBots, List<Dimension> groupBy) {

    public boolean wholeDays() {
        return whole(86_400);
    }

    public boolean wholeHours() {
        return whole(3_600);
    }

    private boolean whole(long seconds) {
        return from.getEpochSecond() % seconds == 0 && to.getEpochSecond() % seconds == 0 && from.getNano() == 0
                && to.getNano() == 0;
    }

    public ReportQuery groupedBy(List<Dimension> dims) {
        return new ReportQuery(campaign, linkId, from, to, channel, market, device, includeBots, dims);
    }
}
