package dev.linkops.availability.domain.stock;

/** The key everything availability-related hangs off. */
public record SkuMarket(String sku, String market) implements Comparable<SkuMarket> {
    @Override
    public int compareTo(SkuMarket o) {
        int c = sku.compareTo(o.sku);
        return c != 0 ? c : market.compareTo(o.market);
    }
}
