package dev.linkops.availability.api.dto;

import java.time.Duration;
import java.util.List;

/** {@code {"authoritativeMarkets": ["US", "CA"], "expectedInterval": "PT5M"}}; no markets = a comparison-only feed. */
public record PutSourceRequest(List<String> authoritativeMarkets, Duration expectedInterval) {
}
