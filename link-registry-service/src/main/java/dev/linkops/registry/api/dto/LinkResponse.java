package dev.linkops.registry.api.dto;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.registry.domain.conventions.ConventionService;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.SpecJson;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A link as the API shows it; {@code warnings} lists naming-convention findings in WARN mode. */
public record LinkResponse(UUID id, String code, long version, LinkStatus status, String owner, String team,
                           String campaign, String channel, String purpose, List<String> skus, List<String> markets,
                           String language, String currency, Map<String, Map<String, List<String>>> substitutions,
                           Instant startsAt, Instant endsAt, Map<String, String> utm, String destination,
                           DestinationType destinationType, String fallbackUrl, String expiredUrl, String pausedUrl,
                           List<RouteRule> rules, int redirectStatus, Duration maxSignalAge, boolean clickId,
                           String notes, Instant createdAt, Instant updatedAt, List<FieldError> warnings) {

    public static LinkResponse of(Link link) {
        return of(link, List.of());
    }

    public static LinkResponse of(Link link, List<ConventionService.Finding> warnings) {
        LinkSpec s = SpecJson.read(link.spec);
        return new LinkResponse(link.id, link.code, link.version, link.status, link.owner, s.team(), s.campaign(),
                s.channel(), s.purpose().name(), s.skus(), s.markets(), s.language(), s.currency(), s.substitutions(),
                s.startsAt(), s.endsAt(), s.utm(), s.destination(), s.destinationType(), s.fallbackUrl(),
                s.expiredUrl(), s.pausedUrl(), s.rules(), s.redirectStatus(), s.maxSignalAge(), s.clickId(), s.notes(),
                link.createdAt, link.updatedAt,
                warnings.stream().map(w -> new FieldError(w.field(), w.reason())).toList());
    }
}
