package dev.linkops.registry.api.dto;

/** Optional body of lifecycle actions and decisions: why (kept in the history). */
public record ReasonRequest(String reason) {

    public static String of(ReasonRequest body) {
        return body == null ? null : body.reason();
    }
}
