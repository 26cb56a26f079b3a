package dev.linkops.contracts.events.v1;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full routing snapshot of one link version (DESIGN §2): a redirect replica needs nothing else
 * to route it. Consumers apply it only when {@code version} is newer than what they hold.
 */
public record LinkPublished(UUID linkId, String code, long version, LinkStatus status,
                            List<String> skus, List<String> markets, String language,
                            Instant startsAt, Instant endsAt,
                            RouteTarget destination, List<RouteRule> rules, Fallbacks fallbacks,
                            Map<String, String> utm, int redirectStatus, Duration maxSignalAge,
                            boolean clickId, String owner, String team, String campaign, String channel) {

    /** Where a link sends people when it cannot route by its tree. */
    public record Fallbacks(String fallbackUrl, String expiredUrl, String pausedUrl) {
    }
}
