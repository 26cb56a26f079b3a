package dev.linkops.reporting.domain.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.reporting.domain.events.PostClickAttachment;
import dev.linkops.reporting.persistence.ClickStore;
import dev.linkops.reporting.persistence.RollupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Turns ClickRecorded deliveries into exactly one fact per click id: the click_seen key decides,
 * so a redelivery (same event or a re-sent click under a new event id) changes nothing.
 */
@ApplicationScoped
public class ClickIntake {
    @Inject
    ClickStore clicks;
    @Inject
    RollupStore rollups;
    @Inject
    PostClickAttachment attachment;

    /** The click's day partition must exist (ClickPartitions.ensure) before this runs. */
    @Transactional
    public boolean record(ClickFact fact) {
        if (!clicks.claim(fact.clickId(), fact.at())) {
            return false;
        }
        Instant now = Instant.now();
        clicks.insert(fact, now);
        RollupKey key = fact.rollupKey();
        rollups.add(key, RollupDelta.click());
        attachment.attachPending(fact.clickId(), key);
        return true;
    }

    public static ClickFact factOf(ClickRecorded click) {
        return ClickFact.of(click, Instant.now());
    }
}
