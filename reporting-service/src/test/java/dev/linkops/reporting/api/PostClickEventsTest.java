package dev.linkops.reporting.api;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.reporting.support.Fixtures;
import dev.linkops.reporting.support.Intake;
import dev.linkops.reporting.support.Tokens;
import dev.linkops.reporting.support.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class PostClickEventsTest {
    private static final Instant DAY = Instant.parse("2026-11-21T09:00:00Z");

    @Inject
    Intake intake;

    @Test
    void aPurchaseLandsInTheStockStateAndBranchItsClickSaw() {
        String campaign = "attr-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "paid_search", "SPK-X1");
        ClickRecorded inStock = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "mobile",
                "US", false, DAY);
        ClickRecorded soldOut = Fixtures.click(UUID.randomUUID(), link, StockState.OUT_OF_STOCK, "sold-out",
                "mobile", "US", false, DAY.plusSeconds(60));
        intake.clicks(inStock, soldOut);

        post(List.of(
                Map.of("clickId", inStock.clickId().toString(), "type", "purchase", "revenue", 129.0,
                        "currency", "USD", "at", DAY.plusSeconds(600).toString()),
                Map.of("clickId", soldOut.clickId().toString(), "type", "waitlist_signup",
                        "at", DAY.plusSeconds(700).toString())))
                .body("accepted", equalTo(2)).body("attached", equalTo(2)).body("pending", equalTo(0));

        JsonPath report = report(campaign);
        Map<String, Object> bought = row(report, "IN_STOCK", "default");
        assertEquals(1, bought.get("conversions"));
        assertEquals(129.0f, ((Number) bought.get("revenue")).floatValue());
        assertEquals(1.0f, ((Number) bought.get("conversionRate")).floatValue());
        Map<String, Object> waitlisted = row(report, "OUT_OF_STOCK", "sold-out");
        assertEquals(0, waitlisted.get("conversions"));
        assertEquals(1, waitlisted.get("waitlistSignups"));
    }

    @Test
    void eventsForAnUnknownClickAreKeptApartAndAttachedWhenTheClickArrives() {
        String campaign = "late-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "email", "SPK-L1");
        UUID clickId = UUID.randomUUID();
        post(List.of(Map.of("clickId", clickId.toString(), "type", "purchase", "revenue", 50.5, "currency", "USD",
                "at", DAY.plusSeconds(300).toString())))
                .body("accepted", equalTo(1)).body("pending", equalTo(1)).body("attached", equalTo(0));
        given().auth().oauth2(Tokens.of("analytics")).get("/api/events/pending?limit=1000")
                .then().statusCode(200).body("oldest.clickId", hasItem(clickId.toString()));
        assertEquals(0, ((Number) report(campaign).getList("rows").size()).intValue());

        intake.clicks(Fixtures.click(clickId, link, StockState.LOW, "low-stock", "desktop", "US", false, DAY));

        Waits.until("the purchase attached", Intake.WAIT, () -> intake.count(
                "SELECT count(*) FROM postclick_event WHERE click_id = ? AND attached_at IS NOT NULL", clickId) == 1);
        Map<String, Object> row = row(report(campaign), "LOW", "low-stock");
        assertEquals(1, row.get("conversions"));
        assertEquals(50.5f, ((Number) row.get("revenue")).floatValue());
    }

    @Test
    void postingTheSameEventsAgainChangesNothing() {
        String campaign = "idem-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "email", "SPK-I1");
        ClickRecorded click = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "mobile", "US",
                false, DAY);
        intake.clicks(click);
        List<Map<String, Object>> batch = List.of(
                Map.of("clickId", click.clickId().toString(), "type", "add_to_cart", "at", DAY.plusSeconds(5).toString()),
                Map.of("clickId", click.clickId().toString(), "type", "purchase", "revenue", 10, "currency", "USD",
                        "orderId", "o-1", "at", DAY.plusSeconds(9).toString()),
                Map.of("eventId", UUID.randomUUID().toString(), "clickId", click.clickId().toString(),
                        "type", "bounce", "at", DAY.plusSeconds(20).toString()));
        post(batch).body("accepted", equalTo(3));
        post(batch).body("accepted", equalTo(0)).body("duplicates", equalTo(3));

        Map<String, Object> row = row(report(campaign), "IN_STOCK", "default");
        assertEquals(1, row.get("conversions"));
        assertEquals(1, row.get("addToCarts"));
        assertEquals(1, row.get("bounces"));
    }

    @Test
    void badItemsAreRejectedByIndexWhileTheOthersAreTaken() {
        UUID clickId = UUID.randomUUID();
        post(List.of(
                Map.of("clickId", clickId.toString(), "type", "add_to_cart", "at", DAY.toString()),
                Map.of("clickId", "nope", "type", "add_to_cart", "at", DAY.toString()),
                Map.of("clickId", clickId.toString(), "type", "purchase", "at", DAY.toString()),
                Map.of("clickId", clickId.toString(), "type", "teleport", "at", DAY.toString()),
                Map.of("clickId", clickId.toString(), "type", "purchase", "revenue", 5, "currency", "usd",
                        "at", DAY.toString())))
                .body("received", equalTo(5)).body("accepted", equalTo(1))
                .body("rejected.index", equalTo(List.of(1, 2, 3, 4)))
                .body("rejected[0].field", equalTo("/1/clickId"))
                .body("rejected[1].reason", containsString("revenue"))
                .body("rejected[2].reason", containsString("add_to_cart"))
                .body("rejected[3].field", equalTo("/4/currency"));
    }

    @Test
    void aBodyThatIsNotAnArrayIsAProblem() {
        given().auth().oauth2(Tokens.of("service")).contentType(ContentType.JSON)
                .body("{\"clickId\": \"x\"}").post("/api/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("array"));
        given().auth().oauth2(Tokens.of("service")).contentType(ContentType.JSON)
                .body("[{\"clickId\": ").post("/api/events")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse post(List<Map<String, Object>> events) {
        return given().auth().oauth2(Tokens.of("service")).contentType(ContentType.JSON).body(events)
                .post("/api/events").then().statusCode(200);
    }

    static JsonPath report(String campaign) {
        return given().auth().oauth2(Tokens.of("analytics"))
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/reports/campaigns/{c}", campaign)
                .then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> row(JsonPath report, String stockState, String branch) {
        List<Map<String, Object>> rows = report.getList("rows");
        Map<String, Object> found = rows.stream()
                .filter(r -> stockState.equals(r.get("stockState")) && branch.equals(r.get("branch")))
                .findFirst().orElse(null);
        assertNotNull(found, "no row " + stockState + "/" + branch + " in " + rows);
        return found;
    }
}
