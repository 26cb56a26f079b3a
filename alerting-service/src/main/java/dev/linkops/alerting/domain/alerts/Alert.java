package dev.linkops.alerting.domain.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_type", nullable = false)
    public AlertType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;
    @Column(nullable = false)
    public String subject;
    public String owner;
    public String team;
    @Column(name = "link_id")
    public UUID linkId;
    public String sku;
    /** JSON object with the facts behind the alert. */
    @Column(nullable = false)
    public String facts;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;
    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;
    @Column(nullable = false)
    public Instant deadline;
    @Column(nullable = false)
    public boolean escalated;
    @Column(name = "escalation_count", nullable = false)
    public int escalationCount;
    @Column(name = "last_escalated_at")
    public Instant lastEscalatedAt;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    public String resolution;
    @Column(name = "reopen_count", nullable = false)
    public int reopenCount;
    @Version
    @Column(name = "row_version", nullable = false)
    public long rowVersion;

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }
}
