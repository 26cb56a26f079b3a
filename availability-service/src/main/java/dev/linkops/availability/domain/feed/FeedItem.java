package dev.linkops.availability.domain.feed;

import dev.linkops.availability.domain.stock.SkuMarket;

import java.time.Instant;

/** One valid row of a feed batch; {@code index} is its position in the batch. */
public record FeedItem(int index, String sku, String market, long onHand, long reserved, boolean backorderable,
                       Instant observedAt) {

    /** Reserved beyond what is on hand (oversold) reads as nothing available, never negative. */
    public long available() {
        return Math.max(0, onHand - reserved);
    }

    public SkuMarket key() {
        return new SkuMarket(sku, market);
    }
}
