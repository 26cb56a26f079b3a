package dev.linkops.availability.messaging;

import dev.linkops.availability.BrokerProbe;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.linkops.availability.TestApi.feed;
import static dev.linkops.availability.TestApi.item;
import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.thresholds;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class AvailabilityEventsTest {
    private static final String SOURCE = "erp-ea";
    private static final String MARKET = "EA";
    @ConfigProperty(name = "linkops.availability.coalesce-window")
    Duration window;

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);

    @BeforeEach
    void source() {
        registerSource(SOURCE, "PT15M", MARKET);
    }

    private static List<AvailabilityChanged> eventsSettled(String sku, int atLeast) throws InterruptedException {
        await().atMost(Duration.ofSeconds(15)).until(() -> BrokerProbe.availability(sku, MARKET).size() >= atLeast);
        Thread.sleep(2500); // longer than the coalescing window plus a relay pass: anything extra would show
        return BrokerProbe.availability(sku, MARKET);
    }

    @Test
    void aStateChangeArrivesOnTheBrokerWithEverythingARedirectNeeds() throws Exception {
        String sku = "EA-FULL";
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 25, "baseline", 400, "lowPercentOfBaseline", 5,
                "hysteresis", 5));
        feed(SOURCE, "full-1", List.of(item(sku, MARKET, 140, 20, t0))).statusCode(200);
        AvailabilityChanged first = eventsSettled(sku, 1).get(0);
        assertEquals(StockState.IN_STOCK, first.state());
        assertEquals(null, first.previousState());
        assertEquals(120, first.available());
        assertEquals(400L, first.baseline());
        assertEquals(new AvailabilityChanged.Thresholds(25L, 5, 5), first.thresholds());
        assertEquals(SOURCE, first.source());
        assertEquals(t0, first.observedAt());
        assertNotNull(first.receivedAt());
        assertEquals(1, first.sequence());

        feed(SOURCE, "full-2", List.of(item(sku, MARKET, 20, 0, t0.plusSeconds(1)))).statusCode(200);
        List<AvailabilityChanged> events = eventsSettled(sku, 2);
        assertEquals(2, events.size());
        assertEquals(StockState.LOW, events.get(1).state());
        assertEquals(StockState.IN_STOCK, events.get(1).previousState());
        assertEquals(2, events.get(1).sequence());
    }

    @Test
    void aQuantityChangeWithoutAStateChangeIsPublishedToo() throws Exception {
        String sku = "EA-QTY";
        feed(SOURCE, "qty-1", List.of(item(sku, MARKET, 100, 0, t0))).statusCode(200);
        eventsSettled(sku, 1);
        feed(SOURCE, "qty-2", List.of(item(sku, MARKET, 90, 0, t0.plusSeconds(1)))).statusCode(200);
        List<AvailabilityChanged> events = eventsSettled(sku, 2);
        assertEquals(2, events.size());
        assertEquals(StockState.IN_STOCK, events.get(1).state());
        assertEquals(90, events.get(1).available());
    }

    @Test
    void aBurstOfRowsForOneSkuInOneBatchLeavesAsOneEventWithTheLatestValues() throws Exception {
        String sku = "EA-BURST";
        feed(SOURCE, "burst-0", List.of(item(sku, MARKET, 100, 0, t0))).statusCode(200);
        int before = eventsSettled(sku, 1).size();

        feed(SOURCE, "burst-1", List.of(
                item(sku, MARKET, 80, 0, t0.plusSeconds(1)), item(sku, MARKET, 60, 0, t0.plusSeconds(2)),
                item(sku, MARKET, 40, 0, t0.plusSeconds(3)), item(sku, MARKET, 30, 0, t0.plusSeconds(4)),
                item(sku, MARKET, 3, 0, t0.plusSeconds(5)))).statusCode(200).body("accepted", is(5));

        List<AvailabilityChanged> events = eventsSettled(sku, before + 1);
        assertEquals(before + 1, events.size(), "one event for the whole burst: " + events);
        AvailabilityChanged last = events.get(events.size() - 1);
        assertEquals(3, last.available());
        assertEquals(StockState.LOW, last.state());
        assertEquals(StockState.IN_STOCK, last.previousState());
        assertEquals(t0.plusSeconds(5), last.observedAt());
        assertEquals(before + 1, last.sequence());
        given().auth().oauth2(token("analytics")).queryParam("market", MARKET)
                .get("/api/availability/" + sku + "/history").then().statusCode(200)
                .body("[0].to", is("LOW")).body("[0].from", is("IN_STOCK"));
    }

    @Test
    void batchesForOneSkuWithinTheCoalescingWindowLeaveAsOneEvent() throws Exception {
        String sku = "EA-WINDOW";
        feed(SOURCE, "window-0", List.of(item(sku, MARKET, 100, 0, t0))).statusCode(200);
        int before = eventsSettled(sku, 1).size();

        long started = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            feed(SOURCE, "window-" + i, List.of(item(sku, MARKET, 100 - i * 10, 0, t0.plusSeconds(i)))).statusCode(200);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<AvailabilityChanged> events = eventsSettled(sku, before + 1);
        AvailabilityChanged last = events.get(events.size() - 1);
        assertEquals(70, last.available(), "the latest values always arrive");
        // on a machine too loaded to send three small batches inside one window this proves nothing
        Assumptions.assumeTrue(took.compareTo(window) < 0,
                "three batches took " + took.toMillis() + " ms, longer than the " + window.toMillis() + " ms window");
        assertEquals(before + 1, events.size(), "one event for three batches within the window: " + events);
    }

    @Test
    void theSnapshotGivesTheRedirectServiceTheCurrentRecordOfEverySku() throws Exception {
        String sku = "EA-SNAP";
        feed(SOURCE, "snap-1", List.of(item(sku, MARKET, 0, 0, t0))).statusCode(200);
        List<AvailabilityChanged> events = eventsSettled(sku, 1);
        AvailabilityChanged[] snapshot = given().auth().oauth2(token("service"))
                .get("/internal/availability/snapshot").then().statusCode(200)
                .extract().as(AvailabilityChanged[].class);
        AvailabilityChanged mine = java.util.Arrays.stream(snapshot)
                .filter(a -> a.sku().equals(sku) && a.market().equals(MARKET)).findFirst().orElseThrow();
        assertEquals(StockState.OUT_OF_STOCK, mine.state());
        assertEquals(events.get(events.size() - 1).sequence(), mine.sequence());
        assertEquals(t0, mine.observedAt());
    }
}
