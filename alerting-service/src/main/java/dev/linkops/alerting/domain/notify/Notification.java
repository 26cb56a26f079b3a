package dev.linkops.alerting.domain.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to send, written in the transaction that changed the alert and sent after commit:
 * an e-mail is never sent for an alert that was rolled back, and a failed send is retried.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {
    public enum RecipientKind { USER, TEAM_MEMBERS, TEAM_ESCALATION, SUBSCRIPTION }

    public enum Status { PENDING, SENT, FAILED }

    @Id
    public UUID id;
    @Column(name = "alert_id")
    public UUID alertId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Subscription.Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;
    /** A username, a team, or the subscription id for webhooks. */
    @Column(nullable = false)
    public String recipient;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false)
    public String body;
    /** JSON sent to webhooks. */
    public String payload;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
}
