package dev.linkops.availability.domain.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A source as operations sees it: which markets it drives, how fresh it is and how far behind the
 * world its observations arrive (lag = receivedAt − observedAt, over the configured window).
 */
public record SourceStatus(String name, List<String> authoritativeMarkets, Duration expectedInterval,
                           String lastBatchId, Instant lastBatchAt, Instant lastSentAt, Long ageMs,
                           Instant staleAfter, boolean stale, Instant staleSince, Lag lag) {

    public record Lag(long samples, Duration window, Long p50Ms, Long p99Ms) {
    }
}
