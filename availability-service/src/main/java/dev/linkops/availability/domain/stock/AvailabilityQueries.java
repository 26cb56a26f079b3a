package dev.linkops.availability.domain.stock;

import dev.linkops.availability.domain.feed.SourceObservation;
import dev.linkops.availability.domain.sources.MarketAuthority;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read side: current signal, SKUs by state, history, discrepancies and the redirect snapshot. */
@ApplicationScoped
@Transactional
public class AvailabilityQueries {

    public AvailabilityView current(String sku, String market) {
        Availability a = Availability.findById(new Availability.Key(sku, market));
        if (a == null) {
            throw ProblemException.notFound("no availability known for SKU " + sku + " in market " + market);
        }
        return AvailabilityView.of(a, Instant.now());
    }

    public List<AvailabilityView> list(StockState state, String market, String sku, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        if (market != null) {
            q.append(" and market = :market");
            p.and("market", market);
        }
        if (sku != null) {
            q.append(" and sku = :sku");
            p.and("sku", sku);
        }
        q.append(" order by sku, market");
        Instant now = Instant.now();
        return Availability.<Availability>find(q.toString(), p).page(Page.of(page, size)).list().stream()
                .map(a -> AvailabilityView.of(a, now)).toList();
    }

    public List<StateTransition> history(String sku, String market, int limit) {
        if (market == null) {
            return StateTransition.<StateTransition>find("sku = ?1 order by at desc, id desc", sku)
                    .page(Page.ofSize(limit)).list();
        }
        return StateTransition.<StateTransition>find("sku = ?1 and market = ?2 order by at desc, id desc", sku, market)
                .page(Page.ofSize(limit)).list();
    }

    /** Every source's newest word on the SKU, authoritative first, with its difference from the authority. */
    public List<SourceComparison> bySource(String sku, String market) {
        List<SourceObservation> obs = market == null
                ? SourceObservation.list("sku = ?1 order by market, source", sku)
                : SourceObservation.list("sku = ?1 and market = ?2 order by source", sku, market);
        Map<String, String> authority = new HashMap<>();
        for (MarketAuthority a : MarketAuthority.<MarketAuthority>listAll()) {
            authority.put(a.market, a.source);
        }
        Map<String, Long> authoritativeAvailable = new HashMap<>();
        for (SourceObservation o : obs) {
            if (o.source.equals(authority.get(o.market))) {
                authoritativeAvailable.put(o.market, o.available);
            }
        }
        List<SourceComparison> out = new ArrayList<>();
        for (SourceObservation o : obs) {
            boolean auth = o.source.equals(authority.get(o.market));
            Long reference = authoritativeAvailable.get(o.market);
            out.add(new SourceComparison(o.source, o.sku, o.market, auth, o.available, o.onHand, o.reserved,
                    o.backorderable, o.observedAt, o.receivedAt, reference == null ? null : o.available - reference));
        }
        out.sort((x, y) -> x.market().equals(y.market())
                ? Boolean.compare(y.authoritative(), x.authoritative()) : x.market().compareTo(y.market()));
        return out;
    }

    /** Non-authoritative observations that disagree with the authoritative one by at least minDifference units. */
    public List<SourceComparison> discrepancies(String market, long minDifference, int limit) {
        String sql = "SELECT o.source, o.sku, o.market, o.available, o.on_hand, o.reserved, o.backorderable,"
                + " o.observed_at, o.received_at, o.available - a.available AS diff"
                + " FROM source_observation o"
                + " JOIN market_authority m ON m.market = o.market AND m.source <> o.source"
                + " JOIN source_observation a ON a.source = m.source AND a.sku = o.sku AND a.market = o.market"
                + " WHERE abs(o.available - a.available) >= ?1" + (market == null ? "" : " AND o.market = ?3")
                + " ORDER BY abs(o.available - a.available) DESC, o.sku, o.market LIMIT ?2";
        var q = Availability.getEntityManager().createNativeQuery(sql)
                .setParameter(1, minDifference).setParameter(2, limit);
        if (market != null) {
            q.setParameter(3, market);
        }
        List<SourceComparison> out = new ArrayList<>();
        for (Object r : q.getResultList()) {
            Object[] row = (Object[]) r;
            out.add(new SourceComparison((String) row[0], (String) row[1], (String) row[2], false,
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue(),
                    (Boolean) row[6], instant(row[7]), instant(row[8]), ((Number) row[9]).longValue()));
        }
        return out;
    }

    /** The current record of every (sku, market), with the sequence of the last published event. */
    public List<AvailabilityChanged> snapshot() {
        return Availability.<Availability>streamAll()
                .map(a -> a.toEvent(a.previousState, a.sequence)).toList();
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return o == null ? null : Instant.parse(o.toString());
    }
}
