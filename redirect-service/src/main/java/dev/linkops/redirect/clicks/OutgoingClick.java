package dev.linkops.redirect.clicks;

/** A click encoded once as its envelope; {@code id} is the click id, used as event id and duplicate id. */
record OutgoingClick(String id, String json) {
}
