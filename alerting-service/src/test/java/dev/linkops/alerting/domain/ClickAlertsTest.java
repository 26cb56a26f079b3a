package dev.linkops.alerting.domain;

import dev.linkops.alerting.domain.alerts.Alert;
import dev.linkops.alerting.domain.alerts.AlertStatus;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.links.LinkChanges;
import dev.linkops.alerting.domain.signals.ClickAlerts;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.linkops.alerting.support.Fixtures.live;
import static dev.linkops.alerting.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windowed click counters (15 min windows, 20 clicks minimum, 50% share, 5 inactive clicks by default). */
@QuarkusTest
class ClickAlertsTest {

    @Inject
    ClickAlerts clicks;

    @Inject
    LinkChanges links;

    private void click(UUID linkId, String code, String outcome, DestinationType type, boolean bot, Instant at) {
        ClickRecorded c = new ClickRecorded(UUID.randomUUID(), code, linkId, 1, outcome, "b", type, "https://s/x",
                List.of(), "mobile", "US", "en", null, bot, at);
        QuarkusTransaction.requiringNew().run(() -> clicks.on(c));
    }

    private List<Alert> open(AlertType type, UUID linkId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Alert.list("type = ?1 and linkId = ?2 and status <> ?3", type, linkId, AlertStatus.RESOLVED));
    }

    @Test
    void aLiveLinkSendingMostHumanClicksToTheWaitlistRaisesOneAlertAndBotsDoNotCount() {
        UUID linkId = UUID.randomUUID();
        String code = unique("busy");
        QuarkusTransaction.requiringNew().run(() -> links.on(live(linkId, code, "alice", "marketing", unique("SKU"))));
        Instant at = Instant.parse("2026-12-05T10:01:00Z");
        for (int i = 0; i < 40; i++) {
            click(linkId, code, "ROUTED", DestinationType.WAITLIST, true, at); // bots: ignored
        }
        assertTrue(open(AlertType.FALLBACK_SHARE, linkId).isEmpty());
        for (int i = 0; i < 8; i++) {
            click(linkId, code, "ROUTED", DestinationType.PDP, false, at);
        }
        for (int i = 0; i < 12; i++) {
            click(linkId, code, "ROUTED", DestinationType.WAITLIST, false, at);
        }
        List<Alert> alerts = open(AlertType.FALLBACK_SHARE, linkId);
        assertEquals(1, alerts.size());
        assertEquals("alice", alerts.get(0).owner);
        assertTrue(alerts.get(0).facts.contains("\"fallbackShare\":0.6"), alerts.get(0).facts);
    }

    @Test
    void aPausedLinkThatIsStillClickedRaisesAnAlertThatClearsWhenItIsLiveAgain() {
        UUID linkId = UUID.randomUUID();
        String code = unique("paused");
        LinkPublished v1 = live(linkId, code, "bob", "marketing", unique("SKU"));
        LinkPublished paused = new LinkPublished(linkId, code, 2, LinkStatus.PAUSED, v1.skus(), v1.markets(),
                v1.language(), v1.startsAt(), v1.endsAt(), v1.destination(), v1.rules(), v1.fallbacks(), v1.utm(),
                302, v1.maxSignalAge(), true, "bob", "marketing", "c", "ch");
        QuarkusTransaction.requiringNew().run(() -> links.on(paused));
        Instant at = Instant.parse("2026-12-05T11:01:00Z");
        for (int i = 0; i < 5; i++) {
            click(linkId, code, "PAUSED", DestinationType.CUSTOM, false, at);
        }
        assertEquals(1, open(AlertType.INACTIVE_LINK_CLICKED, linkId).size());

        LinkPublished resumed = new LinkPublished(linkId, code, 3, LinkStatus.LIVE, v1.skus(), v1.markets(),
                v1.language(), v1.startsAt(), v1.endsAt(), v1.destination(), v1.rules(), v1.fallbacks(), v1.utm(),
                302, v1.maxSignalAge(), true, "bob", "marketing", "c", "ch");
        QuarkusTransaction.requiringNew().run(() -> links.on(resumed));
        assertTrue(open(AlertType.INACTIVE_LINK_CLICKED, linkId).isEmpty());
        // an older version arriving late changes nothing
        QuarkusTransaction.requiringNew().run(() -> links.on(paused));
        assertEquals(LinkStatus.LIVE, QuarkusTransaction.requiringNew().call(() ->
                dev.linkops.alerting.domain.links.PromotedLink.<dev.linkops.alerting.domain.links.PromotedLink>findById(linkId).status));
    }
}
