package dev.linkops.alerting.domain;

import com.sun.net.httpserver.HttpServer;
import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.alerting.domain.notify.Notification;
import dev.linkops.alerting.domain.notify.WebhookSigner;
import dev.linkops.contracts.events.v1.EventCodec;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.linkops.alerting.support.Fixtures.token;
import static dev.linkops.alerting.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks to a real HTTP receiver on loopback: signed, retried with backoff, disabled when they keep failing. */
@QuarkusTest
class WebhookTest {
    private static final String SECRET = "s3cret-hmac-key-0123456789";
    private static HttpServer receiver;
    private static final List<Map<String, String>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Queue<Integer> SCRIPT = new ConcurrentLinkedQueue<>();
    private static final List<String> BROKEN_HITS = new CopyOnWriteArrayList<>();

    @Inject
    AlertService alerts;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(Map.of("body", body,
                    "timestamp", ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    "signature", ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER)));
            Integer status = SCRIPT.poll();
            ex.sendResponseHeaders(status == null ? 200 : status, -1);
            ex.close();
        });
        receiver.createContext("/broken", ex -> {
            BROKEN_HITS.add("hit");
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private String subscribe(String team, String path) {
        return given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"kind\": \"TEAM\", \"subscriber\": \"" + team + "\", \"channel\": \"WEBHOOK\", "
                        + "\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + path + "\", "
                        + "\"secret\": \"" + SECRET + "\"}")
                .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    }

    private UUID raise(String team) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.raise(new AlertCondition(AlertType.FEED_STALE,
                Severity.HIGH, unique("feed"), "erin", team, null, null, Map.of("source", "erp")))).id;
    }

    @Test
    void aWebhookIsSignedAndRetriedWithBackoffUntilItIsAccepted() throws Exception {
        String team = unique("team");
        subscribe(team, "/hook");
        SCRIPT.addAll(List.of(500, 502));
        RECEIVED.clear();
        UUID alertId = raise(team);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.size() >= 3);
        for (Map<String, String> delivery : RECEIVED) {
            String expected = WebhookSigner.sign(SECRET, Long.parseLong(delivery.get("timestamp")), delivery.get("body"));
            assertEquals(expected, delivery.get("signature"), "HMAC-SHA256 of timestamp.body with the secret");
        }
        var json = EventCodec.mapper().readTree(RECEIVED.get(2).get("body"));
        assertTrue(json.get("text").asText().contains("FEED_STALE"), "Slack-compatible text");
        assertEquals(alertId.toString(), json.get("alert").get("id").asText());

        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>list("alertId = ?1 and channel = ?2", alertId,
                        dev.linkops.alerting.domain.notify.Subscription.Channel.WEBHOOK).stream()
                        .anyMatch(n -> n.status == Notification.Status.SENT && n.attempts == 3)));
    }

    @Test
    void aWebhookThatKeepsFailingIsDisabledAndShownAsSuch() {
        String team = unique("team");
        String id = subscribe(team, "/broken");
        raise(team);

        await().atMost(Duration.ofSeconds(40)).until(() -> Boolean.TRUE.equals(
                given().auth().oauth2(token("olivia", "operations")).get("/api/subscriptions/" + id)
                        .then().statusCode(200).extract().path("disabled")));
        Map<String, Object> shown = given().auth().oauth2(token("olivia", "operations"))
                .get("/api/subscriptions/" + id).then().extract().jsonPath().getMap("$");
        assertTrue(((String) shown.get("disabledReason")).contains("5 failed deliveries"), shown.toString());
        assertEquals(5, BROKEN_HITS.size());
        assertTrue(!shown.containsKey("secret") || shown.get("secret") == null, "the secret is never shown");

        given().auth().oauth2(token("olivia", "operations")).post("/api/subscriptions/" + id + "/enable")
                .then().statusCode(200).body("disabled", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void aWebhookToAMetadataAddressOrWithoutASecretIsRejectedField() {
        given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"kind\": \"TEAM\", \"subscriber\": \"marketing\", \"channel\": \"WEBHOOK\", "
                        + "\"url\": \"http://169.254.169.254/hook\"}")
                .post("/api/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("/url", "/secret"));
    }

    @Test
    void peopleMaySubscribeThemselvesButNotOthers() {
        given().auth().oauth2(token("alice", "marketing")).contentType(ContentType.JSON)
                .body("{\"channel\": \"EMAIL\", \"minSeverity\": \"HIGH\"}")
                .post("/api/subscriptions").then().statusCode(201).body("subscriber", org.hamcrest.Matchers.equalTo("alice"))
                .body("kind", org.hamcrest.Matchers.equalTo("PERSON"));
        given().auth().oauth2(token("alice", "marketing")).contentType(ContentType.JSON)
                .body("{\"kind\": \"TEAM\", \"subscriber\": \"marketing\", \"channel\": \"EMAIL\"}")
                .post("/api/subscriptions").then().statusCode(403);
    }
}
