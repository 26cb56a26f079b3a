package dev.linkops.reporting.domain.events;

import dev.linkops.reporting.config.ReportingConfig;
import dev.linkops.reporting.domain.clicks.RollupKey;
import dev.linkops.reporting.persistence.ClickStore;
import dev.linkops.reporting.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events whose click was not known when they came. A click normally attaches them itself on
 * arrival; this sweep catches the race where event and click committed at the same moment.
 */
@ApplicationScoped
public class PendingEvents {
    @Inject
    Sql sql;
    @Inject
    ClickStore clicks;
    @Inject
    PostClickAttachment attachment;
    @Inject
    ReportingConfig config;

    public record Pending(UUID id, UUID clickId, String type, Instant at, Instant receivedAt) {
    }

    @Scheduled(every = "${linkops.reporting.attach-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        attachArrived();
    }

    /** @return how many kept-apart events found their click */
    public int attachArrived() {
        List<UUID> clickIds = sql.query("""
                SELECT DISTINCT p.click_id FROM postclick_event p JOIN click_seen s ON s.click_id = p.click_id
                WHERE p.attached_at IS NULL LIMIT ?
                """, rs -> rs.getObject(1, UUID.class), config.events().attachBatch());
        int attached = 0;
        for (UUID clickId : clickIds) {
            attached += QuarkusTransaction.requiringNew().call(() -> {
                RollupKey key = clicks.rollupKeyOf(clickId);
                return key == null ? 0 : attachment.attachPending(clickId, key);
            });
        }
        return attached;
    }

    public long count() {
        return sql.one("SELECT count(*) FROM postclick_event WHERE attached_at IS NULL", rs -> rs.getLong(1));
    }

    public List<Pending> oldest(int limit) {
        return sql.query("""
                SELECT id, click_id, type, at, received_at FROM postclick_event WHERE attached_at IS NULL
                ORDER BY received_at LIMIT ?
                """, rs -> new Pending(rs.getObject("id", UUID.class), rs.getObject("click_id", UUID.class),
                rs.getString("type"), Sql.instant(rs, "at"), Sql.instant(rs, "received_at")), limit);
    }
}
