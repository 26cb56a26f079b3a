package dev.linkops.alerting.domain;

import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.links.PromotedLink;
import dev.linkops.alerting.messaging.Channels;
import dev.linkops.alerting.messaging.EventHandling;
import dev.linkops.alerting.domain.signals.StockAlerts;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.outbox.Outbox;
import dev.linkops.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.linkops.alerting.support.Fixtures.availability;
import static dev.linkops.alerting.support.Fixtures.live;
import static dev.linkops.alerting.support.Fixtures.mails;
import static dev.linkops.alerting.support.Fixtures.token;
import static dev.linkops.alerting.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Availability events from the real broker, alerts in real PostgreSQL, e-mail through a real SMTP server. */
@QuarkusTest
class StockAlertsTest {

    @Inject
    Outbox outbox;

    @Inject
    EventHandling handling;

    @Inject
    StockAlerts stock;

    private void send(String address, Record event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(address, event));
    }

    private void awaitLinkIndexed(UUID linkId, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            PromotedLink l = PromotedLink.findById(linkId);
            return l != null && l.version >= version;
        }));
    }

    private List<Map<String, Object>> alerts(String query) {
        return given().auth().oauth2(token("olivia", "operations"))
                .get("/api/alerts?" + query)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private List<Map<String, Object>> alertsAbout(String type, String sku) {
        return alerts("type=" + type).stream()
                .filter(a -> String.valueOf(a.get("subject")).contains("sku " + sku + " "))
                .toList();
    }

    @Test
    void outOfStockOnAPromotedSkuRaisesOneAlertToTheOwnerWithThePolicyDeadlineAndOneEmail() {
        given().auth().oauth2(token("olivia", "operations")).contentType(ContentType.JSON)
                .body("{\"respondWithin\": \"PT2H\", \"repeatEvery\": \"PT30M\"}")
                .put("/api/alert-policies/SKU_OUT_OF_STOCK/CRITICAL").then().statusCode(200);
        UUID linkId = UUID.randomUUID();
        String code = unique("spk");
        String sku = unique("SKU");
        send(Addresses.LINKS, live(linkId, code, "alice", "marketing", sku));
        awaitLinkIndexed(linkId, 1);

        send(Addresses.AVAILABILITY, availability(sku, StockState.OUT_OF_STOCK, StockState.LOW, 0, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAbout("SKU_OUT_OF_STOCK", sku).size() == 1);
        Map<String, Object> alert = alertsAbout("SKU_OUT_OF_STOCK", sku).get(0);
        assertEquals("alice", alert.get("owner"));
        assertEquals("marketing", alert.get("team"));
        assertEquals("CRITICAL", alert.get("severity"), "the link's primary SKU being out is critical");
        assertEquals("OPEN", alert.get("status"));
        assertEquals(false, alert.get("escalated"));
        assertEquals(Duration.ofHours(2), Duration.between(Instant.parse((String) alert.get("raisedAt")),
                Instant.parse((String) alert.get("deadline"))), "deadline comes from the policy");
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) alert.get("facts");
        assertEquals(code, facts.get("code"));
        assertEquals(0, facts.get("available"));
        assertEquals("LOW", facts.get("previousState"));

        String subject = (String) alert.get("subject");
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("alice@shop.example", subject).size() == 1);
        String alertId = (String) alert.get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>list("eventType = ?1 and sentAt is not null", "AlertRaised").stream()
                        .anyMatch(m -> m.envelope.contains(alertId))));

        // The same condition reported again (a newer and a repeated sequence) changes nothing visible.
        send(Addresses.AVAILABILITY, availability(sku, StockState.OUT_OF_STOCK, StockState.OUT_OF_STOCK, 0, 2));
        send(Addresses.AVAILABILITY, availability(sku, StockState.OUT_OF_STOCK, StockState.OUT_OF_STOCK, 0, 2));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                alertsAbout("SKU_OUT_OF_STOCK", sku).size() == 1);
        assertEquals(1, mails("alice@shop.example", subject).size(), "no second e-mail for the same open alert");

        // Restock resolves it, with the reason.
        send(Addresses.AVAILABILITY, availability(sku, StockState.IN_STOCK, StockState.OUT_OF_STOCK, 180, 3));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "RESOLVED".equals(alertsAbout("SKU_OUT_OF_STOCK", sku).get(0).get("status")));
        Map<String, Object> resolved = alertsAbout("SKU_OUT_OF_STOCK", sku).get(0);
        assertTrue(((String) resolved.get("resolution")).contains("back in stock"), resolved.toString());
        assertTrue(((String) resolved.get("resolution")).contains("180 available"), resolved.toString());
        assertEquals(AlertService.SYSTEM, resolved.get("resolvedBy"));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>list("eventType = ?1", "AlertResolved").stream()
                        .anyMatch(m -> m.envelope.contains(alertId))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mails("alice@shop.example", "[LinkOps resolved] SKU_OUT_OF_STOCK " + subject).size() == 1);
    }

    @Test
    void aRedeliveredEventWithTheSameIdIsAppliedOnce() {
        UUID linkId = UUID.randomUUID();
        String sku = unique("SKU");
        send(Addresses.LINKS, live(linkId, unique("dup"), "bob", "marketing", sku));
        awaitLinkIndexed(linkId, 1);

        EventEnvelope envelope = EventCodec.wrap(availability(sku, StockState.LOW, StockState.IN_STOCK, 12, 1),
                "availability-service");
        JsonObject body = new JsonObject(EventCodec.encode(envelope));
        for (int i = 0; i < 3; i++) {
            handling.handle(Message.of(body), Channels.SERVICE + "/availability", Map.of(
                    EventType.AVAILABILITY_CHANGED, e -> stock.on((AvailabilityChanged) e)))
                    .toCompletableFuture().join();
        }
        List<Map<String, Object>> low = alertsAbout("SKU_LOW", sku);
        assertEquals(1, low.size());
        assertEquals("bob", low.get(0).get("owner"));
        Long processed = QuarkusTransaction.requiringNew().call(() -> (Long) PromotedLink.getEntityManager()
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, envelope.eventId()).getSingleResult());
        assertEquals(1L, processed);
    }

    @Test
    void aMalformedMessageIsAcknowledgedAndDoesNotStopTheChannel() {
        boolean[] acked = {false};
        Message<Object> poison = Message.of((Object) "not json", () -> {
            acked[0] = true;
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        });
        handling.handle(poison, "test", Map.of()).toCompletableFuture().join();
        assertTrue(acked[0]);
    }

    @Test
    void aSkuNobodyPromotesRaisesNothing() {
        String sku = unique("SKU");
        send(Addresses.AVAILABILITY, availability(sku, StockState.OUT_OF_STOCK, StockState.IN_STOCK, 0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                dev.linkops.alerting.domain.signals.SkuSignal.count("key.sku", sku) == 1));
        assertTrue(alertsAbout("SKU_OUT_OF_STOCK", sku).isEmpty());
    }

    @Test
    void aLinkPublishedWhileItsSkuIsAlreadyOutRaisesTheAlertAndARetiredLinkResolvesIt() {
        String sku = unique("SKU");
        send(Addresses.AVAILABILITY, availability(sku, StockState.OUT_OF_STOCK, StockState.IN_STOCK, 0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                dev.linkops.alerting.domain.signals.SkuSignal.count("key.sku", sku) == 1));
        UUID linkId = UUID.randomUUID();
        String code = unique("late");
        send(Addresses.LINKS, live(linkId, code, "alice", "marketing", sku));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAbout("SKU_OUT_OF_STOCK", sku).size() == 1);

        send(Addresses.LINKS, new dev.linkops.contracts.events.v1.LinkRetired(linkId, code, 2, "campaign over"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "RESOLVED".equals(alertsAbout("SKU_OUT_OF_STOCK", sku).get(0).get("status")));
        assertTrue(String.valueOf(alertsAbout("SKU_OUT_OF_STOCK", sku).get(0).get("resolution")).contains("retired"));
    }
}
