package dev.linkops.registry.domain.signals;

import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;

/** The latest availability of one SKU in one market, as availability-service last announced it. */
public record StockSignal(String sku, String market, StockState state, long available, Long baseline,
                          Instant observedAt, long sequence) {
}
