package dev.linkops.reporting.domain.events;

import java.util.List;

/**
 * Outcome of one POST /api/events batch. {@code pending} events name a click not known yet: they are
 * kept apart and attached when it arrives. {@code duplicates} were seen before and changed nothing.
 */
public record EventBatchResult(int received, int accepted, int attached, int pending, int duplicates,
                               List<Rejection> rejected) {

    /** An item that was not taken: its position in the array, the field (JSON pointer) and why. */
    public record Rejection(int index, String field, String reason) {
    }
}
