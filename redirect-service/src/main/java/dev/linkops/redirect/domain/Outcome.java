package dev.linkops.redirect.domain;

import dev.linkops.routing.RouteOutcome;

/** Every way a redirect can end; the name is what ClickRecorded.outcome and the metrics carry. */
public enum Outcome {
    ROUTED, EXPIRED, PAUSED, NOT_LIVE,
    /** No link has this code: an orphan click. */
    UNKNOWN_CODE,
    /** The link failed to route; its fallback answered. */
    ERROR_FALLBACK;

    public static Outcome of(RouteOutcome outcome) {
        return switch (outcome) {
            case ROUTED -> ROUTED;
            case EXPIRED -> EXPIRED;
            case PAUSED -> PAUSED;
            case NOT_LIVE -> NOT_LIVE;
        };
    }
}
