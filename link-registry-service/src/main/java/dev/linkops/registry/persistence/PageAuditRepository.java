package dev.linkops.registry.persistence;

import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.registry.domain.signals.PageAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** The latest DestinationChecked per link and branch; an older check never overwrites a newer one. */
@ApplicationScoped
public class PageAuditRepository {
    private final EntityManager em;

    public PageAuditRepository(EntityManager em) {
        this.em = em;
    }

    public void apply(DestinationChecked e) {
        em.createNativeQuery("""
                        INSERT INTO destination_audit (link_id, branch, version, url, http_status, final_url,
                            params_preserved, availability_on_page, ok, problem, checked_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        ON CONFLICT (link_id, branch) DO UPDATE SET version = EXCLUDED.version, url = EXCLUDED.url,
                            http_status = EXCLUDED.http_status, final_url = EXCLUDED.final_url,
                            params_preserved = EXCLUDED.params_preserved,
                            availability_on_page = EXCLUDED.availability_on_page, ok = EXCLUDED.ok,
                            problem = EXCLUDED.problem, checked_at = EXCLUDED.checked_at
                        WHERE destination_audit.checked_at <= EXCLUDED.checked_at""")
                .setParameter(1, e.linkId())
                .setParameter(2, e.branch() == null ? "default" : e.branch())
                .setParameter(3, e.version())
                .setParameter(4, e.url())
                .setParameter(5, e.httpStatus())
                .setParameter(6, e.finalUrl())
                .setParameter(7, e.paramsPreserved())
                .setParameter(8, e.availabilityOnPage() == null ? null : e.availabilityOnPage().name())
                .setParameter(9, e.ok())
                .setParameter(10, e.problem())
                .setParameter(11, e.checkedAt())
                .executeUpdate();
    }

    public List<PageAudit> ofLink(UUID linkId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT branch, version, url, http_status, ok, problem, checked_at "
                        + "FROM destination_audit WHERE link_id = ?1", Object[].class)
                .setParameter(1, linkId).getResultList();
        return rows.stream().map(r -> new PageAudit((String) r[0], ((Number) r[1]).longValue(), (String) r[2],
                r[3] == null ? null : ((Number) r[3]).intValue(), (Boolean) r[4], (String) r[5],
                StockSignalRepository.instant(r[6]))).toList();
    }
}
