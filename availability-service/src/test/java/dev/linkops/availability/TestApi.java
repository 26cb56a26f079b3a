package dev.linkops.availability;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small helpers so tests read as what a feed sender or an operator does. */
public final class TestApi {
    private TestApi() {
    }

    public static String token(String role) {
        return OidcWiremockTestResource.getAccessToken("user-" + role, Set.of(role));
    }

    public static void registerSource(String name, String interval, String... markets) {
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON)
                .body(Map.of("authoritativeMarkets", List.of(markets), "expectedInterval", interval))
                .put("/api/sources/" + name).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static Map<String, Object> item(String sku, String market, long onHand, long reserved, Instant observedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("market", market);
        m.put("onHand", onHand);
        m.put("reserved", reserved);
        m.put("observedAt", observedAt.toString());
        return m;
    }

    public static ValidatableResponse feed(String source, String batchId, List<?> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("sentAt", Instant.now().toString());
        body.put("items", items);
        return given().auth().oauth2(token("operations")).contentType(ContentType.JSON).body(body)
                .post("/api/feeds/" + source).then();
    }

    /** One item in its own batch; returns the response. */
    public static ValidatableResponse feedOne(String source, String sku, String market, long available, Instant observedAt) {
        List<Object> items = new ArrayList<>();
        items.add(item(sku, market, available, 0, observedAt));
        return feed(source, "b-" + UUID.randomUUID(), items).statusCode(200);
    }

    public static ValidatableResponse availability(String sku, String market) {
        return given().auth().oauth2(token("marketing")).queryParam("market", market)
                .get("/api/availability/" + sku).then();
    }

    public static String state(String sku, String market) {
        return availability(sku, market).statusCode(200).extract().path("state");
    }

    public static void thresholds(String sku, Map<String, Object> body) {
        given().auth().oauth2(token("merchandising")).contentType(ContentType.JSON).body(body)
                .put("/api/skus/" + sku + "/thresholds").then().statusCode(200);
    }
}
