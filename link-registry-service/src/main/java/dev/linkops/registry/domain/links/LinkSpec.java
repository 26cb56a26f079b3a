package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.RouteRule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a version of a link says, validated and normalised. Stored as JSON on each version; field
 * names match the API so a stored spec, a request body and a diff pointer all read the same.
 *
 * @param substitutions per market, per SKU, the SKUs merchandising substitutes when it is unavailable
 * @param utm           keys source, medium, campaign, content, term (sent as utm_*)
 */
public record LinkSpec(String campaign, String channel, Purpose purpose, String team,
                       List<String> skus, List<String> markets, String language, String currency,
                       Map<String, Map<String, List<String>>> substitutions,
                       Instant startsAt, Instant endsAt,
                       Map<String, String> utm,
                       String destination, DestinationType destinationType,
                       String fallbackUrl, String expiredUrl, String pausedUrl,
                       List<RouteRule> rules, int redirectStatus, Duration maxSignalAge, boolean clickId,
                       String notes) {

    /** The parts that decide where a click lands; changing them on a live link needs a second pair of eyes. */
    public boolean sameRoutingAs(LinkSpec other) {
        return Objects.equals(destination, other.destination)
                && destinationType == other.destinationType
                && Objects.equals(rules, other.rules)
                && Objects.equals(fallbackUrl, other.fallbackUrl)
                && Objects.equals(expiredUrl, other.expiredUrl)
                && Objects.equals(pausedUrl, other.pausedUrl)
                && Objects.equals(skus, other.skus)
                && Objects.equals(markets, other.markets);
    }

    public String primarySku() {
        return skus.isEmpty() ? null : skus.get(0);
    }
}
