package dev.linkops.alerting.domain.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkops.alerting.domain.links.LinkChanges;
import dev.linkops.alerting.domain.signals.StockAlerts;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.linkops.alerting.support.Fixtures.availability;
import static dev.linkops.alerting.support.Fixtures.live;
import static dev.linkops.alerting.support.Fixtures.token;
import static dev.linkops.alerting.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audits against real pages served on loopback by a JDK HttpServer. */
@QuarkusTest
class AuditTest {
    private static HttpServer pages;
    private static String base;
    private static final AtomicBoolean FLAKY_FIXED = new AtomicBoolean();

    @Inject
    LinkChanges links;

    @Inject
    StockAlerts stock;

    @BeforeAll
    static void servePages() throws IOException {
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/p/ok", ex -> page(ex, 200, offer("InStock")));
        pages.createContext("/p/says-out", ex -> page(ex, 200, offer("OutOfStock")));
        pages.createContext("/p/missing", ex -> page(ex, 404, "<html>Not found</html>"));
        pages.createContext("/p/flaky", ex -> page(ex, FLAKY_FIXED.get() ? 200 : 503, offer("InStock")));
        pages.createContext("/loop/a", ex -> redirect(ex, "/loop/b"));
        pages.createContext("/loop/b", ex -> redirect(ex, "/loop/a"));
        pages.createContext("/strip", ex -> redirect(ex, "/p/ok"));
        pages.createContext("/keep", ex -> redirect(ex, "/p/ok?" + ex.getRequestURI().getRawQuery()));
        pages.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        pages.start();
        base = "http://127.0.0.1:" + pages.getAddress().getPort();
    }

    @AfterAll
    static void stopPages() {
        pages.stop(0);
    }

    private static String offer(String availability) {
        return "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
                + "\"Product\",\"offers\":{\"@type\":\"Offer\",\"availability\":\"https://schema.org/" + availability
                + "\"}}</script></head><body>product</body></html>";
    }

    private static void page(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private UUID publish(String owner, String sku, String defaultUrl, RouteRule... rules) {
        UUID id = UUID.randomUUID();
        LinkPublished link = live(id, unique("audit"), 1, owner, "marketing", sku, defaultUrl, List.of(rules));
        QuarkusTransaction.requiringNew().run(() -> links.on(link));
        return id;
    }

    private static RouteRule rule(String label, String url, DestinationType type) {
        return new RouteRule(label, new RouteCondition(null, List.of("mobile"), null, null, null, null),
                new RouteTarget(url, type));
    }

    private List<Map<String, Object>> audit(UUID linkId) {
        return given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"linkId\": \"" + linkId + "\"}")
                .post("/api/audits").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> branch(List<Map<String, Object>> results, String branch) {
        return results.stream().filter(r -> branch.equals(r.get("branch"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> openAlerts(String type, UUID linkId) {
        List<Map<String, Object>> all = given().auth().oauth2(token("olivia", "operations"))
                .get("/api/alerts?status=OPEN&type=" + type).then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : all) {
            if (linkId.toString().equals(a.get("linkId"))) {
                out.add(a);
            }
        }
        return out;
    }

    @Test
    void anAuditOfA404DestinationRaisesAnAuditFailedAlertForTheOwnerAndPublishesTheResult() {
        UUID linkId = publish("alice", unique("SKU"), base + "/p/missing");
        Map<String, Object> result = branch(audit(linkId), "default");
        assertEquals(false, result.get("ok"));
        assertEquals(404, result.get("httpStatus"));
        assertTrue(((String) result.get("problem")).contains("HTTP 404"), result.toString());

        List<Map<String, Object>> alerts = openAlerts("AUDIT_FAILED", linkId);
        assertEquals(1, alerts.size());
        assertEquals("alice", alerts.get(0).get("owner"));
        assertEquals("HIGH", alerts.get(0).get("severity"));
        assertTrue(((String) alerts.get(0).get("subject")).endsWith("/ branch default"));
        assertNotNull(alerts.get(0).get("deadline"));

        boolean published = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "eventType = ?1 and address = ?2", "DestinationChecked", "linkops.audits").stream()
                .anyMatch(m -> m.envelope.contains(linkId.toString()) && m.envelope.contains("HTTP 404")));
        assertTrue(published, "DestinationChecked goes to linkops.audits through the outbox");

        // The register shows the link's latest health.
        List<Map<String, Object>> register = given().auth().oauth2(token("olivia", "operations"))
                .get("/api/audits?ok=false&linkId=" + linkId).then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, register.size());
    }

    @Test
    void aRedirectLoopAndParametersDroppedOnTheWayAreEachReportedPerBranch() {
        UUID linkId = publish("alice", unique("SKU"), base + "/strip",
                rule("mobile-loop", base + "/loop/a", DestinationType.CATEGORY));
        List<Map<String, Object>> results = audit(linkId);

        Map<String, Object> loop = branch(results, "mobile-loop");
        assertEquals(false, loop.get("ok"));
        assertTrue(((String) loop.get("problem")).startsWith("redirect loop"), loop.toString());

        Map<String, Object> strip = branch(results, "default");
        assertEquals(false, strip.get("ok"));
        assertEquals(false, strip.get("paramsPreserved"));
        assertEquals(200, strip.get("httpStatus"));
        assertTrue(((String) strip.get("problem")).contains("parameters dropped"), strip.toString());
        assertTrue(((String) strip.get("problem")).contains("utm_source"), strip.toString());
        assertEquals(2, openAlerts("AUDIT_FAILED", linkId).size(), "one alert per failing branch");
    }

    @Test
    void aHealthyChainPassesAndAPageContradictingTheSignalRaisesAMismatch() {
        String sku = unique("SKU");
        QuarkusTransaction.requiringNew().run(() ->
                stock.on(availability(sku, StockState.IN_STOCK, StockState.LOW, 300, 1)));
        UUID linkId = publish("alice", sku, base + "/keep",
                rule("mobile-pdp", base + "/p/says-out", DestinationType.PDP));
        List<Map<String, Object>> results = audit(linkId);

        Map<String, Object> healthy = branch(results, "default");
        assertEquals(true, healthy.get("ok"), healthy.toString());
        assertEquals(true, healthy.get("paramsPreserved"));
        assertEquals("IN_STOCK", healthy.get("availabilityOnPage"));
        assertEquals(2, ((List<?>) healthy.get("hops")).size());
        assertTrue(((String) healthy.get("finalUrl")).contains("/p/ok?"));

        Map<String, Object> mismatch = branch(results, "mobile-pdp");
        assertEquals(false, mismatch.get("ok"));
        assertEquals("OUT_OF_STOCK", mismatch.get("availabilityOnPage"));
        assertEquals("IN_STOCK", mismatch.get("signalState"));
        List<Map<String, Object>> alerts = openAlerts("PAGE_MISMATCH", linkId);
        assertEquals(1, alerts.size());
        assertTrue(((String) alerts.get(0).get("subject")).endsWith("/ branch mobile-pdp"));
        assertTrue(openAlerts("AUDIT_FAILED", linkId).isEmpty(), "a mismatch is not a broken destination");
    }

    @Test
    void aDestinationThatRecoversResolvesItsAuditAlert() {
        FLAKY_FIXED.set(false);
        UUID linkId = publish("alice", unique("SKU"), base + "/p/flaky");
        audit(linkId);
        assertEquals(1, openAlerts("AUDIT_FAILED", linkId).size());
        FLAKY_FIXED.set(true);
        assertEquals(true, branch(audit(linkId), "default").get("ok"));
        assertTrue(openAlerts("AUDIT_FAILED", linkId).isEmpty());
    }

    @Test
    void ssrfAttemptsAreRefusedWithAClearReasonIncludingOnARedirectHop() {
        UUID linkId = publish("alice", unique("SKU"), "http://169.254.169.254/latest/meta-data/",
                rule("file", "file:///etc/passwd", DestinationType.CUSTOM),
                rule("ftp", "ftp://127.0.0.1/pub/x", DestinationType.CUSTOM),
                rule("hop", base + "/to-metadata", DestinationType.CUSTOM),
                rule("elsewhere", "https://evil.example.org/x", DestinationType.CUSTOM));
        List<Map<String, Object>> results = audit(linkId);
        assertTrue(((String) branch(results, "default").get("problem")).contains("cloud metadata address"));
        assertTrue(((String) branch(results, "file").get("problem")).contains("scheme 'file' is not allowed"));
        assertTrue(((String) branch(results, "ftp").get("problem")).contains("scheme 'ftp' is not allowed"));
        String hop = (String) branch(results, "hop").get("problem");
        assertTrue(hop.contains("redirect hop 1") && hop.contains("cloud metadata address"), hop);
        assertTrue(((String) branch(results, "elsewhere").get("problem")).contains("not on the audit allow-list"));
        for (Map<String, Object> r : results) {
            assertFalse((Boolean) r.get("ok"));
        }
    }

    @Test
    void onlyKnownLiveLinksCanBeAudited() {
        given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"linkId\": \"" + UUID.randomUUID() + "\"}").post("/api/audits").then().statusCode(404);
        given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"linkId\": \"nope\"}").post("/api/audits").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
