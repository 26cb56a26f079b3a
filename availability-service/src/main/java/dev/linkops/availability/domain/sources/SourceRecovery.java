package dev.linkops.availability.domain.sources;

import dev.linkops.availability.domain.feed.SourceObservation;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.availability.domain.stock.AvailabilityLedger;
import dev.linkops.availability.domain.stock.SkuMarket;
import dev.linkops.availability.domain.stock.StateTransition;
import dev.linkops.availability.domain.thresholds.ThresholdResolver;
import dev.linkops.contracts.events.v1.StockState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Brings a market's availability back from the source's stored observations. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SourceRecovery {
    @Inject
    AvailabilityLedger ledger;

    @Inject
    ThresholdResolver thresholds;

    /**
     * A stale source spoke again. Feeds may be deltas, so SKUs the new batch does not mention are
     * taken as unchanged: their stored quantities decide their state again.
     */
    public void recover(FeedSource source, Collection<String> markets, Instant now) {
        source.stale = false;
        source.staleSince = null;
        List<Availability> unknown = new ArrayList<>();
        for (Availability row : ledger.lockMarkets(markets)) {
            if (row.state == StockState.UNKNOWN) {
                unknown.add(row);
            }
        }
        Set<String> skus = new HashSet<>();
        unknown.forEach(r -> skus.add(r.sku));
        ThresholdResolver.Lookup lookup = thresholds.forSkus(skus);
        for (Availability row : unknown) {
            ledger.reevaluate(row, lookup.of(row.sku, row.market), StateTransition.Reason.SOURCE_RECOVERED, now);
        }
    }

    /** A source became authoritative for markets: what it already said there now drives availability. */
    public void adopt(String source, Collection<String> markets, Instant now) {
        if (markets.isEmpty()) {
            return;
        }
        List<SourceObservation> observations = SourceObservation.list(
                "source = ?1 and market in ?2 order by sku, market", source, List.copyOf(markets));
        if (observations.isEmpty()) {
            return;
        }
        List<SkuMarket> keys = observations.stream().map(o -> new SkuMarket(o.sku, o.market)).toList();
        Map<SkuMarket, Availability> rows = ledger.lock(keys);
        Set<String> skus = new HashSet<>();
        keys.forEach(k -> skus.add(k.sku()));
        ThresholdResolver.Lookup lookup = thresholds.forSkus(skus);
        for (SourceObservation o : observations) {
            SkuMarket k = new SkuMarket(o.sku, o.market);
            rows.put(k, ledger.observe(rows.get(k), o, lookup.of(o.sku, o.market), now));
        }
    }
}
