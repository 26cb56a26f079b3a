package dev.linkops.alerting.api.dto;

import dev.linkops.alerting.domain.notify.Subscription;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The secret is never returned. */
public record SubscriptionResponse(UUID id, String kind, String subscriber, String channel, String url,
                                   List<String> alertTypes, String minSeverity, boolean disabled,
                                   String disabledReason, int consecutiveFailures, String createdBy,
                                   Instant createdAt) {
    public static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(s.id, s.kind.name(), s.subscriber, s.channel.name(), s.url,
                s.alertTypes == null ? List.of() : Arrays.asList(s.alertTypes.split(",")), s.minSeverity.name(),
                s.disabled, s.disabledReason, s.consecutiveFailures, s.createdBy, s.createdAt);
    }
}
