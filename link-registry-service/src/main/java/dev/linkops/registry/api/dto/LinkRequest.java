package dev.linkops.registry.api.dto;

import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.registry.domain.links.LinkInput;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body of POST /api/links and PUT /api/links/{id}; {@code reason} says why (kept in the history). */
public record LinkRequest(String code, String campaign, String channel, String purpose, String team,
                          List<String> skus, List<String> markets, String language, String currency,
                          Map<String, Map<String, List<String>>> substitutions,
                          Instant startsAt, Instant endsAt, Map<String, String> utm,
                          String destination, String destinationType,
                          String fallbackUrl, String expiredUrl, String pausedUrl,
                          List<RouteRule> rules, Integer redirectStatus, String maxSignalAge, Boolean clickId,
                          String notes, String reason) {

    public LinkInput toInput() {
        return new LinkInput(code, campaign, channel, purpose, team, skus, markets, language, currency, substitutions,
                startsAt, endsAt, utm, destination, destinationType, fallbackUrl, expiredUrl, pausedUrl, rules,
                redirectStatus, maxSignalAge, clickId, notes);
    }
}
