package dev.linkops.redirect.domain;

/** The answer to one request: 302 or 307 and where to. */
public record Redirect(int status, String location) {
}
