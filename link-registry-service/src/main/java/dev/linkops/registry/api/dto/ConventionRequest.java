package dev.linkops.registry.api.dto;

import dev.linkops.registry.domain.conventions.ConventionPattern;

import java.util.Map;

/**
 * {@code {"pattern": "{date}_{channel}_{productLine}_{audience}_{objective}",
 * "parts": {"channel": {"values": ["paidsearch", "social"]}}, "mode": "ENFORCE"}}
 */
public record ConventionRequest(String pattern, Map<String, ConventionPattern.PartRule> parts, String mode) {
}
