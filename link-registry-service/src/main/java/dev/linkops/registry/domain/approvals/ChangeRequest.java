package dev.linkops.registry.domain.approvals;

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

/** A proposed routing change to a live link, waiting for a second person (DESIGN §5). */
@Entity
@Table(name = "change_request")
public class ChangeRequest {
    @Id
    public UUID id;
    @Column(name = "link_id", nullable = false)
    public UUID linkId;
    @Column(name = "base_version", nullable = false)
    public long baseVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String spec;
    /** JSON pointers of the fields the proposal changes, comma separated. */
    @Column(nullable = false)
    public String changes;
    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;
    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeRequestStatus status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "resulting_version")
    public Long resultingVersion;
}
