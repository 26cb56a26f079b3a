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

/**
 * The newest thing one source said about a (sku, market). Kept for every source: the authoritative
 * one decides which updates are stale, the others feed the discrepancy view.
 */
@Entity
@Table(name = "source_observation")
@IdClass(SourceObservation.Key.class)
public class SourceObservation extends PanacheEntityBase {
    @Id
    public String source;
    @Id
    public String sku;
    @Id
    public String market;
    @Column(name = "on_hand", nullable = false)
    public long onHand;
    @Column(nullable = false)
    public long reserved;
    @Column(nullable = false)
    public long available;
    @Column(nullable = false)
    public boolean backorderable;
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static class Key implements Serializable {
        public String source;
        public String sku;
        public String market;

        public Key() {
        }

        public Key(String source, String sku, String market) {
            this.source = source;
            this.sku = sku;
            this.market = market;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(source, k.source) && Objects.equals(sku, k.sku)
                    && Objects.equals(market, k.market);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, sku, market);
        }
    }
}
