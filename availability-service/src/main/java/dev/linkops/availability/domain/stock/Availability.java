package dev.linkops.availability.domain.stock;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.StockState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The authoritative availability of one SKU in one market: what routing reads. */
@Entity
@Table(name = "availability")
@IdClass(Availability.Key.class)
public class Availability extends PanacheEntityBase {
    @Id
    public String sku;
    @Id
    public String market;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_state")
    public StockState previousState;
    @Column(name = "state_since", nullable = false)
    public Instant stateSince;
    @Column(name = "on_hand", nullable = false)
    public long onHand;
    @Column(nullable = false)
    public long reserved;
    @Column(nullable = false)
    public long available;
    @Column(nullable = false)
    public boolean backorderable;
    @Column(nullable = false)
    public String source;
    @Column(name = "observed_at", nullable = false)
    public Instant observedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "low_at_most")
    public Long lowAtMost;
    public Long baseline;
    @Column(name = "low_percent_of_baseline")
    public Integer lowPercentOfBaseline;
    public Integer hysteresis;
    /** Sequence of the last published AvailabilityChanged; grows by one per event. */
    @Column(nullable = false)
    public long sequence;
    @Enumerated(EnumType.STRING)
    @Column(name = "published_state")
    public StockState publishedState;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** Set while a change waits for its coalescing window to close. */
    @Column(name = "pending_since")
    public Instant pendingSince;

    public SkuMarket key() {
        return new SkuMarket(sku, market);
    }

    public EffectiveThresholds thresholds() {
        return new EffectiveThresholds(lowAtMost, baseline, lowPercentOfBaseline, hysteresis);
    }

    public void useThresholds(EffectiveThresholds t) {
        lowAtMost = t.lowAtMost();
        baseline = t.baseline();
        lowPercentOfBaseline = t.lowPercentOfBaseline();
        hysteresis = t.hysteresis();
    }

    /** Marks the row for publishing; the window starts at the first unpublished change. */
    public void markChanged(Instant now) {
        if (pendingSince == null) {
            pendingSince = now;
        }
    }

    /** The record as it would be published now, with the given sequence and previous state. */
    public AvailabilityChanged toEvent(StockState previous, long seq) {
        return new AvailabilityChanged(sku, market, state, previous, available, baseline,
                new AvailabilityChanged.Thresholds(lowAtMost, lowPercentOfBaseline, hysteresis),
                source, observedAt, receivedAt, seq);
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
