package dev.linkops.reporting.support;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/** Feeds the service through the broker like the other services do, and waits until it has taken it in. */
@ApplicationScoped
public class Intake {
    public static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    BrokerSender broker;
    @Inject
    Sql sql;

    public EventEnvelope send(String address, Record payload) {
        EventEnvelope envelope = EventCodec.wrap(payload, "test");
        broker.send(address, envelope);
        return envelope;
    }

    public LinkPublished link(String campaign, String channel, String... skus) {
        LinkPublished link = Fixtures.link(UUID.randomUUID(), "c" + UUID.randomUUID().toString().substring(0, 8),
                campaign, channel, skus);
        send(Addresses.LINKS, link);
        Waits.until("link " + link.linkId() + " known", WAIT, () -> count(
                "SELECT count(*) FROM link_meta WHERE link_id = ?", link.linkId()) == 1);
        return link;
    }

    public void clicks(ClickRecorded... clicks) {
        for (ClickRecorded c : clicks) {
            send(Addresses.CLICKS, c);
        }
        Waits.until("clicks stored", WAIT, () -> Arrays.stream(clicks).allMatch(c -> count(
                "SELECT count(*) FROM click_seen WHERE click_id = ?", c.clickId()) == 1));
    }

    public long count(String query, Object... args) {
        return sql.one(query, rs -> rs.getLong(1), args);
    }
}
