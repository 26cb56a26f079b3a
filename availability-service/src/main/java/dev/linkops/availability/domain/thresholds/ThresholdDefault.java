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

/** Default thresholds for every SKU starting with a prefix ('' = every SKU), per market or '*'. */
@Entity
@Table(name = "threshold_default")
@IdClass(ThresholdDefault.Key.class)
public class ThresholdDefault extends PanacheEntityBase {
    @Id
    @Column(name = "sku_prefix")
    public String skuPrefix;
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
        public String skuPrefix;
        public String market;

        public Key() {
        }

        public Key(String skuPrefix, String market) {
            this.skuPrefix = skuPrefix;
            this.market = market;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(skuPrefix, k.skuPrefix) && Objects.equals(market, k.market);
        }

        @Override
        public int hashCode() {
            return Objects.hash(skuPrefix, market);
        }
    }
}
