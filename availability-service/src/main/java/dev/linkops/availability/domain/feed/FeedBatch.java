package dev.linkops.availability.domain.feed;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A received batch and the answer it got, so a resent batch gets the same answer and changes nothing. */
@Entity
@Table(name = "feed_batch")
@IdClass(FeedBatch.Key.class)
public class FeedBatch extends PanacheEntityBase {
    @Id
    public String source;
    @Id
    @Column(name = "batch_id")
    public String batchId;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "item_count", nullable = false)
    public int itemCount;
    @Column(nullable = false)
    public int accepted;
    @Column(nullable = false)
    public int stale;
    @Column(nullable = false)
    public int duplicates;
    @Column(name = "non_authoritative", nullable = false)
    public int nonAuthoritative;
    /** The rejected items as JSON. */
    @Column(nullable = false)
    public String rejected;

    public static class Key implements Serializable {
        public String source;
        public String batchId;

        public Key() {
        }

        public Key(String source, String batchId) {
            this.source = source;
            this.batchId = batchId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(source, k.source) && Objects.equals(batchId, k.batchId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, batchId);
        }
    }
}
