package dev.linkops.availability.domain.thresholds;

import dev.linkops.availability.domain.stock.EffectiveThresholds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Thresholds set for one SKU, in one market or ({@link #ALL_MARKETS}) in all of them. */
@Entity
@Table(name = "sku_threshold")
@IdClass(SkuThreshold.Key.class)
public class SkuThreshold extends PanacheEntityBase {
    public static final String ALL_MARKETS = "*";

    @Id
    public String sku;
    @Id
    public String market;
    @Column(name = "low_at_most")
    public Long lowAtMost;
    public Long baseline;
    @Column(name = "low_percent_of_baseline")
    public Integer lowPercentOfBaseline;
    public Integer hysteresis;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public EffectiveThresholds values() {
        return new EffectiveThresholds(lowAtMost, baseline, lowPercentOfBaseline, hysteresis);
    }

    public void set(EffectiveThresholds t) {
        lowAtMost = t.lowAtMost();
        baseline = t.baseline();
        lowPercentOfBaseline = t.lowPercentOfBaseline();
        hysteresis = t.hysteresis();
    }

    public static class Key implements Serializable {
        public String sku;
        public String market;

        public Key() {
        }

        public Key(String sku, String market) {
            this.sku = sku;
            this.market = market;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sku, k.sku) && Objects.equals(market, k.market);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, market);
        }
    }
}
