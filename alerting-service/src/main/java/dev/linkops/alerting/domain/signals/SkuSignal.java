package dev.linkops.alerting.domain.signals;

import dev.linkops.contracts.events.v1.StockState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The newest availability seen per (SKU, market); older sequences are ignored. */
@Entity
@Table(name = "sku_signal")
public class SkuSignal extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockState state;
    @Column(nullable = false)
    public long available;
    public String source;
    @Column(nullable = false)
    public long sequence;
    @Column(name = "observed_at")
    public Instant observedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(nullable = false)
        public String sku;
        @Column(nullable = false)
        public String market;

        public Key() {
        }

        public Key(String sku, String market) {
            this.sku = sku;
            this.market = market;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.sku, sku) && Objects.equals(k.market, market);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, market);
        }
    }
}
