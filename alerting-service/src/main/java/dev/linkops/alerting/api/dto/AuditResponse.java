package dev.linkops.alerting.api.dto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.alerting.domain.audit.DestinationAudit;
import dev.linkops.contracts.events.v1.EventCodec;

import java.time.Instant;
import java.util.UUID;

public record AuditResponse(UUID id, UUID runId, UUID linkId, long linkVersion, String code, String branch, String url,
                            String finalUrl, Integer httpStatus, JsonNode hops, boolean paramsPreserved,
                            String availabilityOnPage, String signalState, boolean ok, String problem,
                            Instant checkedAt) {
    public static AuditResponse of(DestinationAudit a) {
        JsonNode hops;
        try {
            hops = EventCodec.mapper().readTree(a.hops);
        } catch (JsonProcessingException e) {
            hops = EventCodec.mapper().createArrayNode();
        }
        return new AuditResponse(a.id, a.runId, a.linkId, a.linkVersion, a.code, a.branch, a.url, a.finalUrl,
                a.httpStatus, hops, a.paramsPreserved, a.availabilityOnPage, a.signalState, a.ok, a.problem,
                a.checkedAt);
    }
}
