package dev.linkops.alerting.api.dto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.alerting.domain.alerts.Alert;
import dev.linkops.contracts.events.v1.EventCodec;

import java.time.Instant;
import java.util.UUID;

public record AlertResponse(UUID id, String type, String severity, String subject, String owner, String team,
                            Instant deadline, String status, boolean escalated, int escalationCount, JsonNode facts,
                            UUID linkId, String sku, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy,
                            Instant resolvedAt, String resolvedBy, String resolution, int reopenCount) {

    public static AlertResponse of(Alert a) {
        JsonNode facts;
        try {
            facts = EventCodec.mapper().readTree(a.facts);
        } catch (JsonProcessingException e) {
            facts = EventCodec.mapper().getNodeFactory().textNode(a.facts);
        }
        return new AlertResponse(a.id, a.type.name(), a.severity.name(), a.subject, a.owner, a.team, a.deadline,
                a.status.name(), a.escalated, a.escalationCount, facts, a.linkId, a.sku, a.raisedAt, a.acknowledgedAt,
                a.acknowledgedBy, a.resolvedAt, a.resolvedBy, a.resolution, a.reopenCount);
    }
}
