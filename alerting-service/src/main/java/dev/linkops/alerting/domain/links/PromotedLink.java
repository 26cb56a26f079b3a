package dev.linkops.alerting.domain.links;

import dev.linkops.contracts.events.v1.LinkStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The latest version of a link this service has seen, with the full LinkPublished snapshot for audits. */
@Entity
@Table(name = "promoted_link")
public class PromotedLink extends PanacheEntityBase {
    @Id
    @Column(name = "link_id")
    public UUID linkId;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public long version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LinkStatus status;
    public String owner;
    public String team;
    @Column(name = "primary_sku")
    public String primarySku;
    /** The LinkPublished payload as JSON ("{}" once retired before any publish was seen). */
    @Column(nullable = false)
    public String snapshot;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
