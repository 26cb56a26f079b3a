package dev.linkops.registry.domain.links;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTreeCheckTest {
    @Test
    void routingLibraryFieldNamesBecomeJsonPointersIntoTheRequest() {
        assertEquals("/rules/1/when/stock/sku", RouteTreeCheck.pointer("rules[1].when.stock.sku"));
        assertEquals("/fallbackUrl", RouteTreeCheck.pointer("fallbacks.fallbackUrl"));
        assertEquals("/destination", RouteTreeCheck.pointer("destination"));
        assertEquals("/rules/0/when/device/2", RouteTreeCheck.pointer("rules[0].when.device[2]"));
    }
}
