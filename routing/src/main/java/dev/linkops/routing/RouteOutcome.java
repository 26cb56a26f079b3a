package dev.linkops.routing;

/**
 * How a link answered. Its name is what {@code ClickRecorded.outcome} carries; the redirect adds its
 * own UNKNOWN_CODE and ERROR_FALLBACK, which never come out of a link's tree.
 */
public enum RouteOutcome {
    /** LIVE inside its window: a branch or the default destination. */
    ROUTED,
    /** Status EXPIRED, or LIVE/PAUSED at or after endsAt. */
    EXPIRED,
    /** Status PAUSED inside its window. */
    PAUSED,
    /** DRAFT, SCHEDULED, ARCHIVED, or LIVE before startsAt. */
    NOT_LIVE
}
