package dev.linkops.availability.domain.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A system that sends availability feeds (an ERP, a storefront, a 3PL). */
@Entity
@Table(name = "feed_source")
public class FeedSource extends PanacheEntityBase {
    @Id
    public String name;
    @Column(name = "expected_interval_ms", nullable = false)
    public long expectedIntervalMs;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "last_batch_id")
    public String lastBatchId;
    /** When we received its last batch (our clock). */
    @Column(name = "last_batch_at")
    public Instant lastBatchAt;
    /** When it says it sent its last batch (its clock). */
    @Column(name = "last_sent_at")
    public Instant lastSentAt;
    @Column(nullable = false)
    public boolean stale;
    @Column(name = "stale_since")
    public Instant staleSince;

    public Duration expectedInterval() {
        return Duration.ofMillis(expectedIntervalMs);
    }

    /** The moment freshness is measured from: its last batch, or its registration if it never sent. */
    public Instant lastHeardAt() {
        return lastBatchAt != null ? lastBatchAt : createdAt;
    }
}
