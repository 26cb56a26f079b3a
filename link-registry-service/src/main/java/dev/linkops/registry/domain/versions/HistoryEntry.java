package dev.linkops.registry.domain.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Who did what to a link, when and why; also records what made no version (a rejected change). */
@Entity
@Table(name = "link_history")
public class HistoryEntry {
    @Id
    public UUID id;
    @Column(name = "link_id", nullable = false)
    public UUID linkId;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String action;
    public Long version;
    public String reason;
    /** JSON pointers of the changed fields, comma separated. */
    public String changes;
    @Column(name = "change_request_id")
    public UUID changeRequestId;
}
