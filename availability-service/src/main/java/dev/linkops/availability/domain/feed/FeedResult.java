package dev.linkops.availability.domain.feed;

import java.util.List;

/**
 * What became of a batch. accepted counts items stored as the newest word of their source (including
 * those of markets the source is not authoritative for, counted again in nonAuthoritative).
 */
public record FeedResult(String source, String batchId, int items, int accepted, int stale, int duplicates,
                         int nonAuthoritative, List<RejectedItem> rejected, boolean replayed) {
}
