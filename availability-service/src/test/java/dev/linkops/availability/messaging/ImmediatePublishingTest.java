package dev.linkops.availability.messaging;

import dev.linkops.availability.BrokerProbe;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.linkops.availability.TestApi.feed;
import static dev.linkops.availability.TestApi.item;
import static dev.linkops.availability.TestApi.registerSource;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The production default: no coalescing window, so the event is written by the feed's own transaction
 * and is already in the outbox when the feed POST is answered (no second transaction to wait for).
 */
@QuarkusTest
@TestProfile(ImmediatePublishingTest.NoWindow.class)
class ImmediatePublishingTest {
    public static class NoWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkops.availability.coalesce-window", "0ms");
        }
    }

    private static final String SOURCE = "erp-ei";
    private static final String MARKET = "EI";

    private static long outboxEventsFor(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "eventType = ?1 and envelope like ?2", "AvailabilityChanged", "%\"sku\":\"" + sku + "\"%"));
    }

    @Test
    void eachChangeIsInTheOutboxWhenTheFeedIsAnsweredAndArrivesInSequence() throws Exception {
        registerSource(SOURCE, "PT15M", MARKET);
        String sku = "EI-NOW";
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);

        feed(SOURCE, "now-1", List.of(item(sku, MARKET, 140, 20, t0))).statusCode(200);
        assertEquals(1, outboxEventsFor(sku), "written by the feed's transaction, not by a later pass");
        feed(SOURCE, "now-2", List.of(item(sku, MARKET, 0, 0, t0.plusSeconds(1)))).statusCode(200);
        assertEquals(2, outboxEventsFor(sku));
        // a resent batch and an unchanged observation publish nothing more
        feed(SOURCE, "now-2", List.of(item(sku, MARKET, 0, 0, t0.plusSeconds(1)))).statusCode(200);
        feed(SOURCE, "now-3", List.of(item(sku, MARKET, 0, 0, t0.plusSeconds(2)))).statusCode(200);
        assertEquals(2, outboxEventsFor(sku));

        await().atMost(Duration.ofSeconds(15)).until(() -> BrokerProbe.availability(sku, MARKET).size() >= 2);
        Thread.sleep(2500); // a relay or publisher sweep that sent anything twice would show now
        List<AvailabilityChanged> events = BrokerProbe.availability(sku, MARKET);
        assertEquals(2, events.size(), "one event per change: " + events);
        assertEquals(StockState.IN_STOCK, events.get(0).state());
        assertEquals(1, events.get(0).sequence());
        assertEquals(StockState.OUT_OF_STOCK, events.get(1).state());
        assertEquals(StockState.IN_STOCK, events.get(1).previousState());
        assertEquals(2, events.get(1).sequence());
    }
}
