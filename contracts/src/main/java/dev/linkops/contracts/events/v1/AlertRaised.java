package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.UUID;

public record AlertRaised(UUID alertId, String alertType, String severity, String subject, String owner,
                          String team, Instant deadline, UUID linkId, String sku, Instant raisedAt) {
}
