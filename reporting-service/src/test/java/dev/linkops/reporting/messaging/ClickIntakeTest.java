package dev.linkops.reporting.messaging;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.reporting.domain.clicks.ClickPartitions;
import dev.linkops.reporting.support.BrokerSender;
import dev.linkops.reporting.support.Fixtures;
import dev.linkops.reporting.support.Intake;
import dev.linkops.reporting.support.Waits;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ClickIntakeTest {
    @Inject
    Intake intake;
    @Inject
    BrokerSender broker;
    @Inject
    ClickPartitions partitions;

    @Test
    void duplicateClickDeliveriesMakeOneFactAndCountOnce() {
        LinkPublished link = intake.link("dup-" + UUID.randomUUID(), "email", "SKU-DUP");
        ClickRecorded click = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "mobile", "US",
                false, Instant.parse("2026-11-20T10:00:00Z"));
        EventEnvelope first = EventCodec.wrap(click, "redirect-service");
        broker.send(Addresses.CLICKS, first);
        broker.send(Addresses.CLICKS, first); // the same delivery again
        broker.send(Addresses.CLICKS, EventCodec.wrap(click, "redirect-service")); // re-sent under a new event id
        // the channel handles messages in order: once a later click is in, the duplicates were handled
        ClickRecorded marker = Fixtures.click(UUID.randomUUID(), link, StockState.LOW, "low-stock", "mobile", "US",
                false, Instant.parse("2026-11-20T11:00:00Z"));
        intake.clicks(marker);

        assertEquals(1, intake.count("SELECT count(*) FROM click_fact WHERE click_id = ?", click.clickId()));
        assertEquals(1, intake.count("SELECT coalesce(sum(clicks), 0) FROM click_rollup WHERE link_id = ? "
                + "AND stock_state = 'IN_STOCK'", link.linkId()));
        assertEquals(2, intake.count("SELECT coalesce(sum(clicks), 0) FROM click_rollup WHERE link_id = ?",
                link.linkId()));
    }

    @Test
    void clickFactsLiveInDailyPartitionsCreatedAheadAndOnDemand() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> ahead = partitions.partitions();
        for (int d = 0; d <= 7; d++) {
            String name = ClickPartitions.partitionName(today.plusDays(d));
            assertTrue(ahead.contains(name), name + " should exist ahead of time, got " + ahead);
        }

        LinkPublished link = intake.link("old-" + UUID.randomUUID(), "email", "SKU-OLD");
        ClickRecorded replayed = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "desktop",
                "US", false, Instant.parse("2025-01-15T08:30:00Z"));
        intake.clicks(replayed);

        assertTrue(partitions.partitions().contains("click_fact_p20250115"));
        assertEquals(1, intake.count("SELECT count(*) FROM click_fact_p20250115 WHERE click_id = ?",
                replayed.clickId()));
    }

    @Test
    void aMalformedClickIsSkippedAndTheChannelKeepsGoing() {
        LinkPublished link = intake.link("poison-" + UUID.randomUUID(), "email", "SKU-P");
        broker.send(Addresses.CLICKS, new EventEnvelope(UUID.randomUUID(), "ClickRecorded", 1, Instant.now(),
                "test", EventCodec.mapper().createObjectNode().put("clickId", "not-a-uuid")));
        ClickRecorded after = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "desktop",
                "US", false, Instant.parse("2026-11-20T12:00:00Z"));
        intake.clicks(after);
        Waits.until("fact stored", Intake.WAIT, () -> intake.count(
                "SELECT count(*) FROM click_fact WHERE click_id = ?", after.clickId()) == 1);
    }
}
