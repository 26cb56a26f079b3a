package dev.linkops.registry.api.dto;

import dev.linkops.registry.domain.versions.HistoryEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Who did what, when, and why. */
public record HistoryResponse(Instant at, String actor, String action, Long version, String reason,
                              List<String> changes, UUID changeRequestId) {

    public static HistoryResponse of(HistoryEntry e) {
        return new HistoryResponse(e.at, e.actor, e.action, e.version, e.reason,
                e.changes == null ? List.of() : Arrays.asList(e.changes.split(",")), e.changeRequestId);
    }
}
