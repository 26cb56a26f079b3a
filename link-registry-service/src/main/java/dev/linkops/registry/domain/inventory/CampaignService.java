package dev.linkops.registry.domain.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Campaigns rolled up from their links, archived ones left out. */
@ApplicationScoped
public class CampaignService {
    private final EntityManager em;

    public CampaignService(EntityManager em) {
        this.em = em;
    }

    public List<CampaignSummary> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT campaign, count(*), count(*) FILTER (WHERE status = 'LIVE'),
                       string_agg(DISTINCT channel, ','), string_agg(DISTINCT team, ','), min(starts_at), max(ends_at)
                FROM link WHERE status <> 'ARCHIVED' GROUP BY campaign ORDER BY campaign""", Object[].class)
                .getResultList();
        return rows.stream().map(r -> new CampaignSummary((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), split(r[3]), split(r[4]), instant(r[5]), instant(r[6]))).toList();
    }

    private static List<String> split(Object csv) {
        return csv == null ? List.of() : Arrays.asList(((String) csv).split(","));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }
}
