package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.RouteRule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A link as someone wrote it, before validation. Enum-like and duration fields stay text so a wrong
 * value gets a field-level reason instead of a parse failure.
 */
public record LinkInput(String code, String campaign, String channel, String purpose, String team,
                        List<String> skus, List<String> markets, String language, String currency,
                        Map<String, Map<String, List<String>>> substitutions,
                        Instant startsAt, Instant endsAt,
                        Map<String, String> utm,
                        String destination, String destinationType,
                        String fallbackUrl, String expiredUrl, String pausedUrl,
                        List<RouteRule> rules, Integer redirectStatus, String maxSignalAge, Boolean clickId,
                        String notes) {
}
