package dev.linkops.availability.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.linkops.availability.TestApi.feedOne;
import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.state;
import static dev.linkops.availability.TestApi.thresholds;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ThresholdCrossingTest {
    private static final String SOURCE = "erp-ta";
    private static final String MARKET = "TA";
    private Instant clock = Instant.now().minusSeconds(3600);

    @BeforeEach
    void source() {
        registerSource(SOURCE, "PT15M", MARKET);
    }

    private String feedAndRead(String sku, long available) {
        clock = clock.plusSeconds(1);
        feedOne(SOURCE, sku, MARKET, available, clock).body("accepted", is(1));
        return state(sku, MARKET);
    }

    @Test
    void withHysteresisASkuHoveringAtTheLowMarkDoesNotFlap() {
        String sku = "TA-HYS";
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 25, "hysteresis", 5));
        assertEquals("IN_STOCK", feedAndRead(sku, 40));
        assertEquals("LOW", feedAndRead(sku, 25));
        assertEquals("LOW", feedAndRead(sku, 27));
        assertEquals("LOW", feedAndRead(sku, 24));
        assertEquals("LOW", feedAndRead(sku, 30));
        assertEquals("IN_STOCK", feedAndRead(sku, 31));
        assertEquals("IN_STOCK", feedAndRead(sku, 26));

        List<String> timeline = given().auth().oauth2(token("analytics")).queryParam("market", MARKET)
                .get("/api/availability/" + sku + "/history").then().statusCode(200)
                .extract().jsonPath().getList("to");
        assertEquals(List.of("IN_STOCK", "LOW", "IN_STOCK"), timeline, "newest first; it began IN_STOCK");
    }

    @Test
    void withoutHysteresisTheStateFollowsTheMarkExactly() {
        String sku = "TA-NOHYS";
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 25, "hysteresis", 0));
        assertEquals("LOW", feedAndRead(sku, 25));
        assertEquals("IN_STOCK", feedAndRead(sku, 26));
        assertEquals("LOW", feedAndRead(sku, 25));
        assertEquals("OUT_OF_STOCK", feedAndRead(sku, 0));
        assertEquals("LOW", feedAndRead(sku, 1));
    }

    @Test
    void percentOfBaselineMarksAHeroSkuLowAtFivePercent() {
        String sku = "TA-HERO";
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 0, "baseline", 400, "lowPercentOfBaseline", 5,
                "hysteresis", 0));
        assertEquals("IN_STOCK", feedAndRead(sku, 21));
        assertEquals("LOW", feedAndRead(sku, 20));
        given().auth().oauth2(token("marketing")).queryParam("market", MARKET).get("/api/availability/" + sku)
                .then().statusCode(200).body("baseline", is(400)).body("thresholds.lowMark", is(20))
                .body("signalAgeMs", org.hamcrest.Matchers.greaterThan(3_000_000));
    }

    @Test
    void changingThresholdsReevaluatesTheStateAtOnce() {
        String sku = "TA-CHANGE";
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 10, "hysteresis", 0));
        assertEquals("IN_STOCK", feedAndRead(sku, 22));
        thresholds(sku, Map.of("market", MARKET, "lowAtMost", 25, "hysteresis", 0));
        assertEquals("LOW", state(sku, MARKET));
        given().auth().oauth2(token("analytics")).queryParam("market", MARKET)
                .get("/api/availability/" + sku + "/history").then().statusCode(200)
                .body("[0].to", is("LOW")).body("[0].reason", is("THRESHOLDS"));
    }

    @Test
    void aPrefixDefaultAppliesUnlessTheSkuSaysOtherwise() {
        Map<String, Object> def = new HashMap<>(Map.of("skuPrefix", "TA-PFX-", "lowAtMost", 50, "hysteresis", 0));
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body(def)
                .put("/api/skus/threshold-defaults").then().statusCode(200).body("skuPrefix", is("TA-PFX-"));
        assertEquals("LOW", feedAndRead("TA-PFX-1", 45));
        thresholds("TA-PFX-2", Map.of("lowAtMost", 10));
        assertEquals("IN_STOCK", feedAndRead("TA-PFX-2", 45));
        given().auth().oauth2(token("marketing")).get("/api/skus/TA-PFX-2/thresholds").then().statusCode(200)
                .body("settings[0].market", is("*"))
                .body("effective[0].market", is(MARKET))
                .body("effective[0].lowAtMost", is(10))
                .body("effective[0].hysteresis", is(0));
    }

    @Test
    void invalidThresholdsAre400NamingEachField() {
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON)
                .body(Map.of("market", "USA", "lowAtMost", -1, "lowPercentOfBaseline", 120))
                .put("/api/skus/TA-BAD/thresholds").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("/market", "/lowAtMost", "/lowPercentOfBaseline"));
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body("{\"lowAtMost\": \"ten\"}")
                .put("/api/skus/TA-BAD/thresholds").then().statusCode(400)
                .body("errors[0].field", is("/lowAtMost"));
    }
}
