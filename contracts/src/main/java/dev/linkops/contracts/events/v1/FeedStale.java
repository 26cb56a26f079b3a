package dev.linkops.contracts.events.v1;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An authoritative source missed its expected interval; its SKUs now read UNKNOWN. */
public record FeedStale(String source, List<String> markets, Instant lastBatchAt, Duration expectedInterval,
                        int affectedSkus) {
}
