package dev.linkops.alerting.domain.alerts;

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

/** How fast an alert of one type and severity must be answered, and how often an overdue one is escalated. */
@Entity
@Table(name = "alert_policy")
public class AlertPolicy extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(name = "respond_within_seconds", nullable = false)
    public long respondWithinSeconds;
    @Column(name = "repeat_every_seconds", nullable = false)
    public long repeatEverySeconds;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Enumerated(EnumType.STRING)
        @Column(name = "alert_type", nullable = false)
        public AlertType type;
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Severity severity;

        public Key() {
        }

        public Key(AlertType type, Severity severity) {
            this.type = type;
            this.severity = severity;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && k.severity == severity;
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, severity);
        }
    }
}
