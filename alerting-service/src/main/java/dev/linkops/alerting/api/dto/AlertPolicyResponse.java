package dev.linkops.alerting.api.dto;

import dev.linkops.alerting.domain.alerts.PolicyService;

import java.time.Instant;

/** {@code source} is "policy" for an explicit entry, "default" for the configured default of the severity. */
public record AlertPolicyResponse(String type, String severity, String respondWithin, String repeatEvery,
                                  String source, String updatedBy, Instant updatedAt) {
    public static AlertPolicyResponse of(PolicyService.Effective e) {
        return new AlertPolicyResponse(e.type().name(), e.severity().name(), e.respondWithin().toString(),
                e.repeatEvery().toString(), e.configured() ? "policy" : "default", e.updatedBy(), e.updatedAt());
    }
}
