package dev.linkops.availability.domain.feed;

/** A batch item that was not applied: its index, the field at fault (JSON pointer) and why. */
public record RejectedItem(int index, String field, String reason) {
}
