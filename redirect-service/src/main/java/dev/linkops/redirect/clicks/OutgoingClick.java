package dev.linkops.redirect.clicks;

/**
 * A click encoded once as its envelope; {@code id} is the click id, used as event id and duplicate id.
 * {@code wal} is where it sits in the write-ahead log until the broker has it (null: memory only).
 */
record OutgoingClick(String id, String json, ClickWal.Ref wal) {
    OutgoingClick(String id, String json) {
        this(id, json, null);
    }
}
