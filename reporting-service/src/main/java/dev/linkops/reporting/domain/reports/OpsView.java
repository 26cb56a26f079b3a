package dev.linkops.reporting.domain.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operational health behind the marketing numbers: how often promoted SKUs were in stock when
 * clicked, how late availability signals arrive, and whether live links pass their audits.
 */
public record OpsView(String campaign, Instant from, Instant to, long clicks, Map<String, Long> clicksByStockState,
                      Double promotedSkuInStockRate, FeedLag feedLag, Audits audits, long unattachedEvents) {

    /** Lag = receivedAt - observedAt of availability signals received in the range. */
    public record FeedLag(long signals, Double avgMs, Double p95Ms, Double maxMs, List<Source> sources) {
    }

    public record Source(String source, long signals, Instant lastReceivedAt, Long msSinceLastSignal) {
    }

    /** A live link passes when the latest audit of each of its audited branches was ok. */
    public record Audits(long liveLinks, long auditedLiveLinks, long passingLiveLinks, Double passingShare) {
    }
}
