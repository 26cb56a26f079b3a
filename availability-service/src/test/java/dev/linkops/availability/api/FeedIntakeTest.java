package dev.linkops.availability.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.linkops.availability.TestApi.availability;
import static dev.linkops.availability.TestApi.feed;
import static dev.linkops.availability.TestApi.item;
import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class FeedIntakeTest {
    private static final String SOURCE = "erp-fa";
    private static final String MARKET = "FA";
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    @BeforeEach
    void source() {
        registerSource(SOURCE, "PT15M", MARKET);
    }

    @Test
    void aBadItemIsRejectedWithItsIndexAndReasonWhileTheGoodItemsLand() {
        List<Object> items = new ArrayList<>();
        items.add(item("FA-GOOD-1", MARKET, 140, 20, t0));
        Map<String, Object> badQuantity = item("FA-BAD-1", MARKET, 5, 0, t0);
        badQuantity.put("onHand", "many");
        items.add(badQuantity);
        items.add(item("FA-GOOD-2", MARKET, 3, 0, t0));
        Map<String, Object> badMarket = item("FA-BAD-2", "USA", 5, 0, t0);
        items.add(badMarket);
        Map<String, Object> noTime = item("FA-BAD-3", MARKET, 5, 0, t0);
        noTime.remove("observedAt");
        items.add(noTime);
        items.add("not an object");

        feed(SOURCE, "partial-1", items).statusCode(200)
                .body("accepted", is(2))
                .body("rejected", hasSize(4))
                .body("rejected[0].index", is(1))
                .body("rejected[0].field", is("/items/1/onHand"))
                .body("rejected[0].reason", containsString("whole number"))
                .body("rejected[1].index", is(3))
                .body("rejected[1].reason", containsString("two-letter"))
                .body("rejected[2].index", is(4))
                .body("rejected[2].field", is("/items/4/observedAt"))
                .body("rejected[3].index", is(5));

        availability("FA-GOOD-1", MARKET).statusCode(200).body("available", is(120)).body("state", is("IN_STOCK"));
        availability("FA-GOOD-2", MARKET).statusCode(200).body("available", is(3)).body("state", is("LOW"));
        availability("FA-BAD-1", MARKET).statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void anOlderUpdateIsStaleARepeatIsADuplicateAndTheNewestWinsEvenWhenItArrivedFirst() {
        String sku = "FA-ORDER";
        feed(SOURCE, "order-1", List.of(item(sku, MARKET, 50, 0, t0.plusSeconds(60)))).statusCode(200)
                .body("accepted", is(1));
        // arrives later but was observed earlier: out of order, must not win
        feed(SOURCE, "order-2", List.of(item(sku, MARKET, 2, 0, t0))).statusCode(200)
                .body("accepted", is(0)).body("stale", is(1));
        feed(SOURCE, "order-3", List.of(item(sku, MARKET, 50, 0, t0.plusSeconds(60)))).statusCode(200)
                .body("accepted", is(0)).body("duplicates", is(1));
        availability(sku, MARKET).statusCode(200).body("available", is(50))
                .body("observedAt", is(t0.plusSeconds(60).toString()));

        // within one batch too: the newest observation wins whatever the order of rows
        feed(SOURCE, "order-4", List.of(
                item(sku, MARKET, 7, 0, t0.plusSeconds(180)),
                item(sku, MARKET, 9, 0, t0.plusSeconds(120)),
                item(sku, MARKET, 7, 0, t0.plusSeconds(180)))).statusCode(200)
                .body("accepted", is(1)).body("stale", is(1)).body("duplicates", is(1));
        availability(sku, MARKET).statusCode(200).body("available", is(7));

        // operations can watch the same outcomes per source
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("linkops_availability_feed_items_total{outcome=\"stale\",source=\"erp-fa\"}"))
                .body(containsString("linkops_availability_feed_items_total{outcome=\"duplicate\",source=\"erp-fa\"}"));
    }

    @Test
    void resendingABatchIdChangesNothingAndGetsTheSameAnswer() {
        String sku = "FA-IDEM";
        feed(SOURCE, "idem-1", List.of(item(sku, MARKET, 40, 0, t0))).statusCode(200)
                .body("accepted", is(1)).body("replayed", is(false));
        // same batch id, different content: the first answer stands
        feed(SOURCE, "idem-1", List.of(item(sku, MARKET, 1, 0, t0.plusSeconds(5)))).statusCode(200)
                .body("accepted", is(1)).body("replayed", is(true));
        availability(sku, MARKET).statusCode(200).body("available", is(40));
    }

    @Test
    void reservedUnitsAreNotAvailableAndNothingAvailableWithBackordersIsBackorder() {
        Map<String, Object> it = item("FA-BACK", MARKET, 10, 10, t0);
        it.put("backorderable", true);
        feed(SOURCE, "back-1", List.of(it)).statusCode(200).body("accepted", is(1));
        availability("FA-BACK", MARKET).statusCode(200).body("available", is(0)).body("state", is("BACKORDER"));
    }

    @Test
    void aBatchWithMoreItemsThanTheLimitIsRefusedWholeWith413() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            items.add(item("FA-BIG-" + i, MARKET, 1, 0, t0));
        }
        feed(SOURCE, "too-big", items).statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("maxItems", is(10000))
                .body("errors[0].field", is("/items"));
        availability("FA-BIG-0", MARKET).statusCode(404);
    }

    @Test
    void aBodyThatIsNotABatchIs400ProblemNamingTheField() {
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body("{\"items\": [")
                .post("/api/feeds/" + SOURCE).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .post("/api/feeds/" + SOURCE).then().statusCode(400)
                .body("errors[0].field", is("/batchId"));
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body(Map.of("batchId", "x", "items", 5))
                .post("/api/feeds/" + SOURCE).then().statusCode(400)
                .body("errors[0].field", is("/items"));
        Map<String, Object> noItems = new LinkedHashMap<>();
        noItems.put("batchId", "no-items");
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body(noItems)
                .post("/api/feeds/" + SOURCE).then().statusCode(400).body("errors[0].field", is("/items"));
    }

    @Test
    void aFeedForAnUnregisteredSourceIs404() {
        feed("nobody", "x-1", List.of(item("FA-NOBODY", MARKET, 1, 0, t0))).statusCode(404)
                .body("detail", containsString("PUT /api/sources/nobody"));
    }

    @Test
    void theSameBatchAsCsvLandsLikeJsonAndBadRowsAreRejectedByIndex() {
        String csv = "sku,market,onHand,reserved,backorderable,observedAt\n"
                + "FA-CSV-1," + MARKET + ",140,20,false," + t0 + "\n"
                + "FA-CSV-2," + MARKET + ",-3,0,false," + t0 + "\n"
                + "FA-CSV-3," + MARKET + ",0,0,true," + t0 + "\n";
        given().auth().oauth2(token("service")).contentType("text/csv").queryParam("batchId", "csv-1")
                .body(csv).post("/api/feeds/" + SOURCE).then().statusCode(200)
                .body("accepted", is(2))
                .body("rejected[0].index", is(1))
                .body("rejected[0].field", is("/items/1/onHand"));
        availability("FA-CSV-1", MARKET).statusCode(200).body("available", is(120));
        availability("FA-CSV-3", MARKET).statusCode(200).body("state", is("BACKORDER"));

        given().auth().oauth2(token("service")).contentType("text/csv").body(csv)
                .post("/api/feeds/" + SOURCE).then().statusCode(400).body("errors[0].field", equalTo("/batchId"));
    }

    @Test
    void theSourceRecordsTheBatchAndReportsLagPercentiles() {
        feed(SOURCE, "lag-1", List.of(item("FA-LAG-1", MARKET, 9, 0, t0), item("FA-LAG-2", MARKET, 9, 0, t0)))
                .statusCode(200);
        given().auth().oauth2(token("analytics")).get("/api/sources/" + SOURCE).then().statusCode(200)
                .body("lastBatchId", is("lag-1"))
                .body("authoritativeMarkets", equalTo(List.of(MARKET)))
                .body("expectedInterval", is("PT15M"))
                .body("stale", is(false))
                .body("lag.samples", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("lag.p50Ms", org.hamcrest.Matchers.greaterThanOrEqualTo(400_000))
                .body("lag.p99Ms", org.hamcrest.Matchers.greaterThanOrEqualTo(400_000));
    }
}
