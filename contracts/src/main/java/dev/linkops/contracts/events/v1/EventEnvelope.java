package dev.linkops.contracts.events.v1;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every LinkOps event travels in (DESIGN §2). The payload stays a tree until a
 * consumer asks for its record, so a consumer tolerates event types and fields it does not know.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt,
                            String producer, com.fasterxml.jackson.databind.JsonNode payload) {
}
