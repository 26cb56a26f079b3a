package dev.linkops.alerting.domain.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One destination check: the register of every link's destination health. */
@Entity
@Table(name = "destination_audit")
public class DestinationAudit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "run_id", nullable = false)
    public UUID runId;
    @Column(name = "link_id", nullable = false)
    public UUID linkId;
    @Column(name = "link_version", nullable = false)
    public long linkVersion;
    @Column(nullable = false)
    public String code;
    @Column(nullable = false)
    public String branch;
    @Column(nullable = false)
    public String url;
    @Column(name = "final_url")
    public String finalUrl;
    @Column(name = "http_status")
    public Integer httpStatus;
    /** JSON array of {url, status, location}. */
    @Column(nullable = false)
    public String hops;
    @Column(name = "params_preserved", nullable = false)
    public boolean paramsPreserved;
    @Column(name = "availability_on_page")
    public String availabilityOnPage;
    @Column(name = "signal_state")
    public String signalState;
    @Column(nullable = false)
    public boolean ok;
    public String problem;
    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;
}
