package dev.linkops.alerting.domain.audit;

import dev.linkops.contracts.events.v1.StockState;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OfferAvailabilityTest {

    @Test
    void jsonLdOfferAvailabilityIsRead() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@type\":\"Product\",\"sku\":\"SPK-X1\",\"offers\":{\"@type\":\"Offer\",\"price\":\"129.00\","
                + "\"availability\": \"https://schema.org/OutOfStock\"}}</script></head><body></body></html>";
        assertEquals(Optional.of(StockState.OUT_OF_STOCK), OfferAvailability.read(html));
    }

    @Test
    void microdataAvailabilityIsRead() {
        String html = "<div itemscope itemtype=\"https://schema.org/Offer\"><span itemprop=\"price\">129</span>"
                + "<link itemprop=\"availability\" href=\"http://schema.org/InStock\"/>In stock</div>";
        assertEquals(Optional.of(StockState.IN_STOCK), OfferAvailability.read(html));
    }

    @Test
    void limitedAvailabilityReadsAsLowAndPreOrderAsBackorder() {
        assertEquals(Optional.of(StockState.LOW), OfferAvailability.map("https://schema.org/LimitedAvailability"));
        assertEquals(Optional.of(StockState.BACKORDER), OfferAvailability.map("PreOrder"));
    }

    @Test
    void aPageWithoutAnOfferSaysNothing() {
        assertEquals(Optional.empty(), OfferAvailability.read("<html><body>Speakers</body></html>"));
    }
}
