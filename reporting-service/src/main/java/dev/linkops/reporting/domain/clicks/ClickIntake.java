package dev.linkops.reporting.domain.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.reporting.domain.events.PostClickAttachment;
import dev.linkops.reporting.persistence.ClickStore;
import dev.linkops.reporting.persistence.RollupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

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
        return !recordBatch(List.of(fact)).isEmpty();
    }

    /**
     * A whole intake batch in one transaction: one round trip per table instead of per
     * click, and one rollup upsert per distinct cell. Click ids are claimed in sorted order so two
     * replicas claiming overlapping batches cannot deadlock.
     *
     * @return the facts that were new (the rest were redeliveries)
     */
    @Transactional
    public List<ClickFact> recordBatch(List<ClickFact> facts) {
        Map<UUID, ClickFact> byId = new TreeMap<>();
        for (ClickFact f : facts) {
            byId.putIfAbsent(f.clickId(), f);
        }
        List<ClickFact> fresh = clicks.claimAll(new ArrayList<>(byId.values()));
        if (fresh.isEmpty()) {
            return fresh;
        }
        Set<UUID> uniqueClicks = clicks.claimVisits(fresh);
        clicks.insertAll(fresh, uniqueClicks, Instant.now());
        Map<RollupKey, RollupDelta> deltas = new HashMap<>();
        Map<HourKey, Long> hours = new HashMap<>();
        Map<UUID, RollupKey> keys = new HashMap<>();
        for (ClickFact f : fresh) {
            RollupKey key = f.rollupKey();
            deltas.merge(key, RollupDelta.click(uniqueClicks.contains(f.clickId())), RollupDelta::plus);
            hours.merge(f.hourKey(), 1L, Long::sum);
            keys.put(f.clickId(), key);
        }
        rollups.addAll(deltas);
        rollups.addHours(hours);
        attachment.attachPendingAll(keys);
        return fresh;
    }

    public static ClickFact factOf(ClickRecorded click) {
        return ClickFact.of(click, Instant.now());
    }
}
