package dev.linkops.alerting.domain.alerts;

import java.util.Map;
import java.util.UUID;

/** A condition that should have an open alert: what, about which subject, whose, and the facts behind it. */
public record AlertCondition(AlertType type, Severity severity, String subject, String owner, String team,
                             UUID linkId, String sku, Map<String, Object> facts) {
}
