package dev.linkops.registry.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.registry.domain.approvals.ChangeRequest;
import dev.linkops.registry.domain.approvals.ChangeRequestStatus;
import dev.linkops.registry.domain.links.SpecJson;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A proposed routing change: what it changes (JSON pointers), who proposed it and why, and its decision. */
public record ChangeRequestResponse(UUID id, UUID linkId, long baseVersion, ChangeRequestStatus status,
                                    List<String> changes, String proposedBy, Instant proposedAt, String reason,
                                    String decidedBy, Instant decidedAt, String decisionNote, Long resultingVersion,
                                    JsonNode proposed) {

    public static ChangeRequestResponse of(ChangeRequest r) {
        return new ChangeRequestResponse(r.id, r.linkId, r.baseVersion, r.status,
                r.changes.isEmpty() ? List.of() : Arrays.asList(r.changes.split(",")), r.proposedBy, r.proposedAt,
                r.reason, r.decidedBy, r.decidedAt, r.decisionNote, r.resultingVersion, SpecJson.tree(r.spec));
    }
}
