package dev.linkops.registry.domain.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The naming rule analytics set for one target (campaign names or one utm_* value). */
@Entity
@Table(name = "naming_convention")
public class NamingConvention {
    @Id
    public String target;
    @Column(nullable = false)
    public String pattern;
    /** Part name -> {@link ConventionPattern.PartRule}, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String parts;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConventionMode mode;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
