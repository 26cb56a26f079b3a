package dev.linkops.registry.messaging;

import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.registry.Poll;
import dev.linkops.registry.Signals;
import dev.linkops.registry.domain.signals.StockSignal;
import dev.linkops.registry.persistence.StockSignalRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SignalConsumersTest {
    @Inject
    Signals signals;
    @Inject
    StockSignalRepository stock;

    @Test
    void aMalformedMessageIsDroppedAndTheChannelKeepsConsuming() {
        String sku = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        signals.garbage(dev.linkops.contracts.events.v1.Addresses.AVAILABILITY);
        signals.availability(sku, "US", StockState.IN_STOCK, 10, 1, Instant.now());
        Poll.until("the good message after the bad one was applied", () -> stock.find(sku, "US").isPresent());
    }

    @Test
    void anOlderSequenceArrivingLateDoesNotOverwriteANewerSignal() {
        String sku = "SEQ-" + UUID.randomUUID().toString().substring(0, 8);
        signals.availability(sku, "US", StockState.LOW, 9, 5, Instant.now());
        Poll.until("sequence 5 applied", () -> stock.find(sku, "US").map(s -> s.sequence() == 5).orElse(false));
        signals.availability(sku, "US", StockState.OUT_OF_STOCK, 0, 3, Instant.now());
        signals.availability(sku, "CA", StockState.IN_STOCK, 70, 1, Instant.now());
        Poll.until("the CA signal applied (sent after the stale one)", () -> stock.find(sku, "CA").isPresent());
        StockSignal us = stock.find(sku, "US").orElseThrow();
        assertEquals(StockState.LOW, us.state());
        assertEquals(5, us.sequence());

        signals.availability(sku, "US", StockState.OUT_OF_STOCK, 0, 6, Instant.now());
        Poll.until("sequence 6 applied", () -> stock.find(sku, "US").map(s -> s.state() == StockState.OUT_OF_STOCK).orElse(false));
    }
}
