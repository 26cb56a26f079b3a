package dev.linkops.registry.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.versions.LinkVersion;
import dev.linkops.registry.domain.versions.VersionKind;

import java.time.Instant;
import java.util.UUID;

/** One immutable version; {@code spec} only when a single version is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionResponse(long version, LinkStatus status, VersionKind kind, String createdBy, Instant createdAt,
                              String reason, UUID changeRequestId, JsonNode spec) {

    public static VersionResponse summary(LinkVersion v) {
        return new VersionResponse(v.version, v.status, v.kind, v.createdBy, v.createdAt, v.reason, v.changeRequestId, null);
    }

    public static VersionResponse full(LinkVersion v) {
        return new VersionResponse(v.version, v.status, v.kind, v.createdBy, v.createdAt, v.reason, v.changeRequestId,
                SpecJson.tree(v.spec));
    }
}
