package dev.linkops.registry.domain.simulation;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.DestinationType;

import java.time.Instant;
import java.util.List;

/** Where the simulated click lands and what it saw on the way. */
public record SimulationResult(long version, Instant at, String outcome, String branch,
                               DestinationType destinationType, String location, List<SkuAtClick> skus) {
}
