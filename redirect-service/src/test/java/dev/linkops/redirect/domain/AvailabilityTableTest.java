package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.redirect.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AvailabilityTableTest {
    private final AvailabilityTable table = new AvailabilityTable();

    @Test
    void signalsApplyBySequenceSoALateOlderOneCannotMoveTheSkuBack() {
        assertTrue(table.apply(Fixtures.availability("S", StockState.IN_STOCK, 100, 1)));
        assertTrue(table.apply(Fixtures.availability("S", StockState.OUT_OF_STOCK, 0, 3)));
        assertFalse(table.apply(Fixtures.availability("S", StockState.LOW, 5, 2)));
        assertFalse(table.apply(Fixtures.availability("S", StockState.LOW, 5, 3)));
        assertEquals(StockState.OUT_OF_STOCK, table.signal("S", "US").state());
    }

    @Test
    void marketsAreKeptApartAndReadCaseInsensitivelyAsUpperCase() {
        Instant now = Instant.now();
        table.apply(new AvailabilityChanged("S", "us", StockState.LOW, null, 3, null, null, "erp", now, now, 1));
        table.apply(new AvailabilityChanged("S", "CA", StockState.IN_STOCK, null, 50, null, null, "erp", now, now, 1));
        assertEquals(StockState.LOW, table.signal("S", "US").state());
        assertEquals(StockState.IN_STOCK, table.signal("S", "CA").state());
        assertNull(table.signal("S", "DE"));
        assertNull(table.signal("S", null), "a link without markets cannot pick one of two");
        assertEquals(2, table.events().size());
    }

    @Test
    void aLinkWithoutMarketsReadsTheOnlySignalThereIs() {
        table.apply(Fixtures.availability("S", StockState.LOW, 3, 1));
        assertEquals(StockState.LOW, table.signal("S", null).state());
    }
}
