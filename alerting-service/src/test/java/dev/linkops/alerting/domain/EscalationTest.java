package dev.linkops.alerting.domain;

import dev.linkops.alerting.domain.alerts.Alert;
import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.EscalationService;
import dev.linkops.alerting.domain.alerts.Severity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.linkops.alerting.support.Fixtures.mails;
import static dev.linkops.alerting.support.Fixtures.token;
import static dev.linkops.alerting.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time is moved by handing the escalation pass an explicit "now" (what the scheduler takes from the Clock). */
@QuarkusTest
class EscalationTest {

    @Inject
    AlertService alerts;

    @Inject
    EscalationService escalation;

    @Inject
    dev.linkops.alerting.domain.alerts.WeeklyDigest digest;

    private Alert raise(String subject, String team) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.raise(new AlertCondition(AlertType.FEED_STALE,
                Severity.MEDIUM, subject, "alice", team, null, null, Map.of("source", subject))));
    }

    private Alert reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.findById(id));
    }

    @Test
    void anUnacknowledgedAlertPastItsDeadlineIsEscalatedToTheTeamsContactAndRepeatedOnSchedule() {
        String subject = unique("feed");
        Alert raised = raise(subject, "marketing");
        Instant deadline = raised.deadline;

        escalation.escalateDue(deadline.minusSeconds(1));
        assertFalse(reload(raised.id).escalated, "nothing escalates before the deadline");

        escalation.escalateDue(deadline.plusSeconds(1));
        Alert escalated = reload(raised.id);
        assertTrue(escalated.escalated);
        assertEquals(1, escalated.escalationCount);
        // dana is the escalation contact named on the marketing group in Keycloak
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mails("dana@shop.example", "[LinkOps ESCALATED MEDIUM] FEED_STALE " + subject).size() == 1);

        escalation.escalateDue(deadline.plus(Duration.ofMinutes(10)));
        assertEquals(1, reload(raised.id).escalationCount, "not repeated before the policy's interval");

        escalation.escalateDue(deadline.plus(Duration.ofHours(1)).plusSeconds(2));
        assertEquals(2, reload(raised.id).escalationCount, "repeated after the interval (default PT1H)");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mails("dana@shop.example", "FEED_STALE " + subject).size() == 2);

        Map<String, Object> shown = given().auth().oauth2(token("olivia", "operations"))
                .get("/api/alerts/" + raised.id).then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(true, shown.get("escalated"));
    }

    @Test
    void anAcknowledgedAlertIsNotEscalated() {
        Alert raised = raise(unique("feed"), "marketing");
        given().auth().oauth2(token("alice", "marketing")).post("/api/alerts/" + raised.id + "/ack")
                .then().statusCode(200);
        escalation.escalateDue(raised.deadline.plus(Duration.ofDays(1)));
        Alert after = reload(raised.id);
        assertFalse(after.escalated);
        assertEquals("alice", after.acknowledgedBy);
    }

    @Test
    void onlyOperationsAdminOrTheOwnerMayAcknowledgeOrResolve() {
        Alert raised = raise(unique("feed"), "marketing");
        given().auth().oauth2(token("bob", "marketing")).post("/api/alerts/" + raised.id + "/ack")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("alice", "marketing")).post("/api/alerts/" + raised.id + "/ack")
                .then().statusCode(200);
        given().auth().oauth2(token("olivia", "operations")).contentType("application/json")
                .body("{\"reason\": \"feed vendor fixed the export\"}")
                .post("/api/alerts/" + raised.id + "/resolve").then().statusCode(200);
        Alert after = reload(raised.id);
        assertEquals("RESOLVED", after.status.name());
        assertEquals("feed vendor fixed the export", after.resolution);
        given().auth().oauth2(token("olivia", "operations")).post("/api/alerts/" + raised.id + "/resolve")
                .then().statusCode(409);
        given().auth().oauth2(token("alice", "marketing")).post("/api/alerts/" + raised.id + "/ack")
                .then().statusCode(409);
    }

    @Test
    void aConditionThatComesBackRightAfterClearingReopensTheSameAlertWithoutANewEmail() {
        String subject = unique("feed");
        Alert first = raise(subject, "marketing");
        QuarkusTransaction.requiringNew().run(() -> alerts.clear(AlertType.FEED_STALE, subject, "feed delivered"));
        Alert again = raise(subject, "marketing");
        assertEquals(first.id, again.id);
        assertEquals(1, reload(first.id).reopenCount);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mails("alice@shop.example", "[LinkOps resolved] FEED_STALE " + subject).size() == 1);
        assertEquals(1, mails("alice@shop.example", "[LinkOps MEDIUM] FEED_STALE " + subject).size());
    }

    @Test
    void theWeeklyDigestListsTheTeamsExceptionsToEveryMember() throws Exception {
        String subject = unique("feed");
        raise(subject, "marketing");
        assertTrue(digest.send(Instant.now()).contains("marketing"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mails("bob@shop.example", "[LinkOps weekly] marketing").isEmpty());
        var mail = mails("bob@shop.example", "[LinkOps weekly] marketing").get(0);
        assertTrue(String.valueOf(mail.getContent()).contains(subject), "the open alert is listed");
    }

    @Test
    void anAlertWhoseOwnerKeycloakDoesNotKnowReachesTheTeamsEscalationContact() {
        String subject = unique("feed");
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(new AlertCondition(AlertType.FEED_STALE,
                Severity.MEDIUM, subject, "mallory", "marketing", null, null, Map.of("source", subject))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mails("dana@shop.example", "[LinkOps MEDIUM] FEED_STALE " + subject).size() == 1);
    }
}
