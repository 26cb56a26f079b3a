package dev.linkops.availability.domain.stock;

import java.time.Instant;

/** What one source says about a (sku, market), next to the authoritative figure (discrepancy view). */
public record SourceComparison(String source, String sku, String market, boolean authoritative, long available,
                               long onHand, long reserved, boolean backorderable, Instant observedAt,
                               Instant receivedAt, Long differenceFromAuthoritative) {
}
