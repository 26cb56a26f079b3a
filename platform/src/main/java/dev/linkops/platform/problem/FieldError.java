package dev.linkops.platform.problem;

/** One thing wrong with a request: where (a JSON pointer such as {@code /rules/1/then/destination}) and why. */
public record FieldError(String field, String reason) {
}
