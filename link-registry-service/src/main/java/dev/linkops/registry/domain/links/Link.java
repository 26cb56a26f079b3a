package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.LinkStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A link's current state: its latest version's spec, status and the columns the inventory filters on. */
@Entity
@Table(name = "link")
public class Link {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String code;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkStatus status;
    /** The latest version; for a published link it is also the one the redirect routes by. */
    @Column(nullable = false)
    public long version;
    @Column(nullable = false)
    public String owner;
    @Column(nullable = false)
    public String team;
    @Column(nullable = false)
    public String campaign;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String purpose;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String spec;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Statuses the redirect service knows and routes (to the tree or to a fallback). */
    public boolean isPublished() {
        return status == LinkStatus.SCHEDULED || status == LinkStatus.LIVE || status == LinkStatus.PAUSED
                || status == LinkStatus.EXPIRED;
    }
}
