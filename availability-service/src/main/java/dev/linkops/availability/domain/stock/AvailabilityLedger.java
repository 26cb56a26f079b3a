package dev.linkops.availability.domain.stock;

import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.feed.SourceObservation;
import dev.linkops.availability.messaging.AvailabilityPublisher;
import dev.linkops.contracts.events.v1.StockState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only writer of {@link Availability} rows. Rows are locked (in key order, so writers do not
 * deadlock) before they change, every state change leaves a {@link StateTransition}, and every change
 * worth telling goes to the {@link AvailabilityPublisher}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AvailabilityLedger {
    private static final int CHUNK = 1000;

    @Inject
    AvailabilityConfig config;

    @Inject
    AvailabilityPublisher publisher;

    /** Locks and returns the existing rows among the keys. */
    public Map<SkuMarket, Availability> lock(Collection<SkuMarket> keys) {
        Set<String> skus = new TreeSet<>();
        for (SkuMarket k : keys) {
            skus.add(k.sku());
        }
        Set<SkuMarket> wanted = Set.copyOf(keys);
        Map<SkuMarket, Availability> rows = new HashMap<>();
        List<String> all = new ArrayList<>(skus);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Availability> found = Availability.<Availability>find("sku in ?1 order by sku, market", chunk)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            for (Availability a : found) {
                if (wanted.contains(a.key())) {
                    rows.put(a.key(), a);
                }
            }
        }
        return rows;
    }

    /** Locks every row of the given markets. */
    public List<Availability> lockMarkets(Collection<String> markets) {
        if (markets.isEmpty()) {
            return List.of();
        }
        return Availability.<Availability>find("market in ?1 order by sku, market", List.copyOf(markets))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Applies the authoritative source's newest observation.
     *
     * @param row the locked row, or null when the (sku, market) is new
     * @return the row (created if needed)
     */
    public Availability observe(Availability row, SourceObservation obs, EffectiveThresholds t, Instant now) {
        boolean created = row == null;
        if (created) {
            row = new Availability();
            row.sku = obs.sku;
            row.market = obs.market;
            row.stateSince = now;
        }
        boolean quantityChanged = created || row.onHand != obs.onHand || row.reserved != obs.reserved
                || row.backorderable != obs.backorderable || !Objects.equals(row.source, obs.source);
        boolean thresholdsChanged = !t.equals(row.thresholds());
        row.onHand = obs.onHand;
        row.reserved = obs.reserved;
        row.available = obs.available;
        row.backorderable = obs.backorderable;
        row.source = obs.source;
        row.observedAt = obs.observedAt;
        row.receivedAt = obs.receivedAt;
        row.useThresholds(t);
        StockState previous = row.state;
        boolean stateChanged = moveTo(row, StockRules.next(previous, row.available, row.backorderable, t),
                StateTransition.Reason.FEED, now);
        if (created) {
            row.persist();
        }
        boolean refreshDue = row.publishedAt == null
                || row.publishedAt.plus(config.republishUnchangedAfter()).isBefore(now);
        if (stateChanged || quantityChanged || thresholdsChanged || refreshDue) {
            changed(row, now);
        }
        return row;
    }

    /** Re-evaluates a row from its stored quantities, e.g. after thresholds changed or its source recovered. */
    public void reevaluate(Availability row, EffectiveThresholds t, StateTransition.Reason reason, Instant now) {
        boolean thresholdsChanged = !t.equals(row.thresholds());
        row.useThresholds(t);
        StockState previous = row.state;
        boolean stateChanged = moveTo(row, StockRules.next(previous, row.available, row.backorderable, t), reason, now);
        if (stateChanged || thresholdsChanged) {
            changed(row, now);
        }
    }

    /** The signal can no longer be trusted (its source went silent or lost its authority). */
    public boolean markUnknown(Availability row, StateTransition.Reason reason, Instant now) {
        if (moveTo(row, StockState.UNKNOWN, reason, now)) {
            changed(row, now);
            return true;
        }
        return false;
    }

    private boolean moveTo(Availability row, StockState next, StateTransition.Reason reason, Instant now) {
        StockState previous = row.state;
        if (next == previous) {
            return false;
        }
        row.previousState = previous;
        row.state = next;
        row.stateSince = now;
        StateTransition.of(row, previous, reason, now).persist();
        return true;
    }

    private void changed(Availability row, Instant now) {
        publisher.changed(row, now);
    }
}
