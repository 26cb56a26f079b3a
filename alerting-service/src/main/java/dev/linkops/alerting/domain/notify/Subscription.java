package dev.linkops.alerting.domain.notify;

import dev.linkops.alerting.domain.alerts.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person or a team asking to hear of alerts by e-mail or by webhook. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {
    public enum Kind { PERSON, TEAM }

    public enum Channel { EMAIL, WEBHOOK }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subscriber_kind", nullable = false)
    public Kind kind;
    @Column(nullable = false)
    public String subscriber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    public String url;
    /** HMAC key for webhook signatures; never returned by the API. */
    public String secret;
    /** Comma-separated alert types, or null for every type. */
    @Column(name = "alert_types")
    public String alertTypes;
    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity", nullable = false)
    public Severity minSeverity;
    @Column(nullable = false)
    public boolean disabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean wants(String alertType, Severity severity) {
        if (disabled || !severity.atLeast(minSeverity)) {
            return false;
        }
        if (alertTypes == null || alertTypes.isBlank()) {
            return true;
        }
        for (String t : alertTypes.split(",")) {
            if (t.trim().equals(alertType)) {
                return true;
            }
        }
        return false;
    }
}
