package dev.linkops.registry.api.dto;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** What changed from one version to another, field by field (JSON pointers into the spec, plus /status). */
public record DiffResponse(long from, long to, List<FieldChange> changes) {

    public record FieldChange(String field, JsonNode from, JsonNode to) {
    }
}
