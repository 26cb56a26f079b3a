package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.UUID;

public record AlertResolved(UUID alertId, String alertType, String subject, String reason, String resolvedBy,
                            Instant resolvedAt) {
}
