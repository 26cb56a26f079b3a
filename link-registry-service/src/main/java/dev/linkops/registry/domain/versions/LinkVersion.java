package dev.linkops.registry.domain.versions;

import dev.linkops.contracts.events.v1.LinkStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One immutable version of a link: its spec and status as of a change, and who made it and why. */
@Entity
@Immutable
@Table(name = "link_version")
public class LinkVersion {
    @Id
    public UUID id;
    @Column(name = "link_id", nullable = false)
    public UUID linkId;
    @Column(nullable = false)
    public long version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String spec;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VersionKind kind;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    public String reason;
    @Column(name = "change_request_id")
    public UUID changeRequestId;
}
