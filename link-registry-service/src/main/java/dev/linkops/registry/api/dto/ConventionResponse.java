package dev.linkops.registry.api.dto;

import dev.linkops.registry.domain.conventions.ConventionMode;
import dev.linkops.registry.domain.conventions.ConventionPattern;

import java.time.Instant;
import java.util.Map;

public record ConventionResponse(String target, String pattern, Map<String, ConventionPattern.PartRule> parts,
                                 ConventionMode mode, String updatedBy, Instant updatedAt) {
}
