package dev.linkops.reporting.domain.events;

import dev.linkops.reporting.domain.clicks.RollupDelta;
import dev.linkops.reporting.domain.clicks.RollupKey;
import dev.linkops.reporting.persistence.RollupStore;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Attaches post-click events to their click's rollup cell exactly once: the conditional UPDATE
 * (attached_at IS NULL) lets only one of several racing attachers count an event.
 */
@ApplicationScoped
public class PostClickAttachment {
    @Inject
    Sql sql;
    @Inject
    RollupStore rollups;

    private record Attached(PostClickType type, BigDecimal revenue) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int attachPending(UUID clickId, RollupKey key) {
        return count(key, sql.query("UPDATE postclick_event SET attached_at = now() "
                + "WHERE click_id = ? AND attached_at IS NULL RETURNING type, revenue", PostClickAttachment::row, clickId));
    }

    /** The batch form of {@link #attachPending}: one statement for all clicks of an intake batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int attachPendingAll(java.util.Map<UUID, RollupKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        UUID[] ids = keys.keySet().toArray(UUID[]::new);
        List<Object[]> rows = sql.query("UPDATE postclick_event SET attached_at = now() "
                        + "WHERE click_id = ANY(?) AND attached_at IS NULL RETURNING click_id, type, revenue",
                rs -> new Object[]{rs.getObject("click_id", UUID.class), row(rs)},
                java.util.Collections.singletonList((Object) ids));
        for (Object[] r : rows) {
            count(keys.get((UUID) r[0]), List.of((Attached) r[1]));
        }
        return rows.size();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attachOne(UUID eventId, RollupKey key) {
        return count(key, sql.query("UPDATE postclick_event SET attached_at = now() "
                + "WHERE id = ? AND attached_at IS NULL RETURNING type, revenue", PostClickAttachment::row, eventId)) == 1;
    }

    private int count(RollupKey key, List<Attached> attached) {
        for (Attached a : attached) {
            if (a.type() != null) {
                rollups.add(key, RollupDelta.of(a.type(), a.revenue()));
            }
        }
        return attached.size();
    }

    private static Attached row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attached(PostClickType.ofWireName(rs.getString("type")), rs.getBigDecimal("revenue"));
    }
}
