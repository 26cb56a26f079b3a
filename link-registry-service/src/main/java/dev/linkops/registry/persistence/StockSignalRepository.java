package dev.linkops.registry.persistence;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.registry.domain.signals.StockSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Local copy of the latest AvailabilityChanged per SKU and market; older sequences never win. */
@ApplicationScoped
public class StockSignalRepository {
    private final EntityManager em;

    public StockSignalRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true when the event was newer than what we held */
    public boolean apply(AvailabilityChanged e) {
        return em.createNativeQuery("""
                        INSERT INTO availability_signal (sku, market, state, available, baseline, observed_at, received_at, sequence)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (sku, market) DO UPDATE SET state = EXCLUDED.state, available = EXCLUDED.available,
                            baseline = EXCLUDED.baseline, observed_at = EXCLUDED.observed_at,
                            received_at = EXCLUDED.received_at, sequence = EXCLUDED.sequence
                        WHERE availability_signal.sequence < EXCLUDED.sequence""")
                .setParameter(1, e.sku())
                .setParameter(2, e.market() == null ? "" : e.market())
                .setParameter(3, e.state().name())
                .setParameter(4, e.available())
                .setParameter(5, e.baseline())
                .setParameter(6, e.observedAt())
                .setParameter(7, e.receivedAt())
                .setParameter(8, e.sequence())
                .executeUpdate() == 1;
    }

    /** @param market null finds the most recently observed signal of the SKU in any market */
    public Optional<StockSignal> find(String sku, String market) {
        String where = market == null ? "sku = ?1" : "sku = ?1 AND market = ?2";
        var query = em.createNativeQuery("SELECT sku, market, state, available, baseline, observed_at, sequence "
                + "FROM availability_signal WHERE " + where + " ORDER BY observed_at DESC LIMIT 1", Object[].class)
                .setParameter(1, sku);
        if (market != null) {
            query.setParameter(2, market);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(r -> new StockSignal((String) r[0], (String) r[1],
                StockState.valueOf((String) r[2]), ((Number) r[3]).longValue(),
                r[4] == null ? null : ((Number) r[4]).longValue(), instant(r[5]), ((Number) r[6]).longValue()));
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
