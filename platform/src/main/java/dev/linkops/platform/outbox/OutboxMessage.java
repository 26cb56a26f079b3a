package dev.linkops.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it reports; the relay sends it after commit. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String address;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String envelope;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(nullable = false)
    public int attempts;
}
