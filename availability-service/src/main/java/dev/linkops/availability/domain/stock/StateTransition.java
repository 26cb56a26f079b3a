package dev.linkops.availability.domain.stock;

import dev.linkops.contracts.events.v1.StockState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of stock state, kept for the report timeline. */
@Entity
@Table(name = "state_transition")
public class StateTransition extends PanacheEntityBase {
    public enum Reason { FEED, THRESHOLDS, SOURCE_STALE, SOURCE_RECOVERED, AUTHORITY_CHANGED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "state_transition_seq")
    @SequenceGenerator(name = "state_transition_seq", sequenceName = "state_transition_seq", allocationSize = 500)
    public Long id;
    @Column(nullable = false)
    public String sku;
    @Column(nullable = false)
    public String market;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public StockState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public StockState toState;
    @Column(nullable = false)
    public long available;
    @Column(nullable = false)
    public String source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;
    @Column(nullable = false)
    public Instant at;

    public static StateTransition of(Availability row, StockState from, Reason reason, Instant at) {
        StateTransition t = new StateTransition();
        t.sku = row.sku;
        t.market = row.market;
        t.fromState = from;
        t.toState = row.state;
        t.available = row.available;
        t.source = row.source;
        t.reason = reason;
        t.at = at;
        return t;
    }
}
