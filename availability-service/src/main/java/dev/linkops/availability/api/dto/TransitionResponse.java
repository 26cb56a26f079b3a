package dev.linkops.availability.api.dto;

import dev.linkops.availability.domain.stock.StateTransition;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;

public record TransitionResponse(String sku, String market, StockState from, StockState to, long available,
                                 String source, String reason, Instant at) {
    public static TransitionResponse of(StateTransition t) {
        return new TransitionResponse(t.sku, t.market, t.fromState, t.toState, t.available, t.source,
                t.reason.name(), t.at);
    }
}
