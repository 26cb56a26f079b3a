package dev.linkops.registry.api.dto;

import dev.linkops.registry.domain.simulation.Scenario;

import java.time.Instant;
import java.util.Map;

/**
 * {@code {"availability": {"SPK-X1": {"state": "LOW", "available": 12}}, "device": "mobile", "market": "US",
 * "query": "gclid=1"}}
 */
public record SimulateRequest(Map<String, Scenario.SkuAvailability> availability, String device, String market,
                              String language, String segment, String query, Instant at) {

    public Scenario toScenario() {
        return new Scenario(availability, device, market, language, segment, query, at);
    }
}
