package dev.linkops.registry.domain.inventory;

import dev.linkops.registry.domain.links.Link;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The link inventory: every link a team has, filtered the ways an audit needs. */
@ApplicationScoped
public class InventoryService {
    private final EntityManager em;

    public InventoryService(EntityManager em) {
        this.em = em;
    }

    public List<Link> search(LinkFilter f) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        eq(where, params, "owner", f.owner());
        eq(where, params, "team", f.team());
        eq(where, params, "campaign", f.campaign());
        eq(where, params, "channel", f.channel());
        eq(where, params, "status", f.status() == null ? null : f.status().name());
        eq(where, params, "purpose", f.purpose() == null ? null : f.purpose().name());
        if (f.sku() != null) {
            where.add("(l.spec -> 'skus') @> jsonb_build_array(cast(:sku as text))");
            params.put("sku", f.sku());
        }
        if (f.expiringWithin() != null) {
            Instant now = Instant.now();
            where.add("l.ends_at > :now and l.ends_at <= :horizon and l.status in ('SCHEDULED', 'LIVE', 'PAUSED')");
            params.put("now", now);
            params.put("horizon", now.plus(f.expiringWithin()));
        }
        if (f.missingUtm() != null) {
            String complete = "jsonb_exists_all(l.spec -> 'utm', array['source', 'medium', 'campaign'])";
            where.add(f.missingUtm() ? "not " + complete : complete);
        }
        if (f.failingAudit() != null) {
            String failing = "exists (select 1 from destination_audit a where a.link_id = l.id and not a.ok)";
            where.add(f.failingAudit() ? failing : "not " + failing);
        }
        String sql = "select l.* from link l" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by l.created_at desc, l.id limit :limit offset :offset";
        Query query = em.createNativeQuery(sql, Link.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", f.limit());
        query.setParameter("offset", f.offset());
        @SuppressWarnings("unchecked")
        List<Link> links = query.getResultList();
        return links;
    }

    private static void eq(List<String> where, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add("l." + column + " = :" + column);
            params.put(column, value);
        }
    }
}
