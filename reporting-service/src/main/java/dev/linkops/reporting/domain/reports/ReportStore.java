package dev.linkops.reporting.domain.reports;

import dev.linkops.reporting.domain.clicks.ClickFact;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one aggregate every report is made of. Whole-day ranges read click_rollup; other ranges read
 * the facts (and their attached post-click events) shaped like rollup rows, so the outer query and
 * every number it yields are the same either way.
 */
@ApplicationScoped
public class ReportStore {
    private static final String ROLLUP_SOURCE = """
            SELECT day, link_id, link_version, branch, stock_state, market, device, bot, clicks, unique_clicks,
                add_to_carts, purchases, revenue, waitlist_signups, back_in_stock_clicks, variant_changes,
                search_refinements, bounces
            FROM click_rollup WHERE day >= ? AND day < ?""";
    private static final String FACT_SOURCE = """
            SELECT (f.at AT TIME ZONE 'UTC')::date AS day, f.link_id, f.link_version, f.branch, f.stock_state,
                f.market, f.device, f.bot, 1::bigint AS clicks, f.unique_click::int::bigint AS unique_clicks,
                e.add_to_carts, e.purchases, coalesce(e.revenue, 0) AS revenue, e.waitlist_signups,
                e.back_in_stock_clicks, e.variant_changes, e.search_refinements, e.bounces
            FROM click_fact f LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE p.type = 'add_to_cart') AS add_to_carts,
                       count(*) FILTER (WHERE p.type = 'purchase') AS purchases,
                       sum(p.revenue) FILTER (WHERE p.type = 'purchase') AS revenue,
                       count(*) FILTER (WHERE p.type = 'waitlist_signup') AS waitlist_signups,
                       count(*) FILTER (WHERE p.type = 'back_in_stock_click') AS back_in_stock_clicks,
                       count(*) FILTER (WHERE p.type = 'variant_change') AS variant_changes,
                       count(*) FILTER (WHERE p.type = 'search_refinement') AS search_refinements,
                       count(*) FILTER (WHERE p.type = 'bounce') AS bounces
                FROM postclick_event p WHERE p.click_id = f.click_id AND p.attached_at IS NOT NULL) e ON true
            WHERE f.at >= ? AND f.at < ?""";

    @Inject
    Sql sql;

    /** One aggregated cell: the group's dimension values (by parameter name) and its counters. */
    public record Cell(Map<String, Object> keys, Counts counts) {
    }

    public List<Cell> aggregate(ReportQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        if (q.wholeDays()) {
            source.append(ROLLUP_SOURCE);
            args.add(LocalDate.ofInstant(q.from(), ZoneOffset.UTC));
            args.add(LocalDate.ofInstant(q.to(), ZoneOffset.UTC));
        } else {
            source.append(FACT_SOURCE);
            args.add(q.from());
            args.add(q.to());
        }
        String alias = q.wholeDays() ? "" : "f.";
        if (q.linkId() != null) {
            source.append(" AND ").append(alias).append("link_id = ?");
            args.add(q.linkId());
        }
        if (q.campaign() != null) {
            source.append(" AND ").append(alias).append("link_id IN (SELECT link_id FROM link_meta WHERE campaign = ?)");
            args.add(q.campaign());
        }
        source.append(" AND ").append(alias).append("link_id <> '").append(ClickFact.NO_LINK).append("'");
        if (!q.includeBots()) {
            source.append(" AND NOT ").append(alias).append("bot");
        }
        if (q.market() != null) {
            source.append(" AND ").append(alias).append("market = ?");
            args.add(q.market());
        }
        if (q.device() != null) {
            source.append(" AND ").append(alias).append("device = ?");
            args.add(q.device());
        }

        StringBuilder select = new StringBuilder("SELECT ");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < q.groupBy().size(); i++) {
            select.append(q.groupBy().get(i).column).append(" AS d").append(i).append(", ");
            groups.add("d" + i);
        }
        select.append("""
                coalesce(sum(s.clicks), 0) AS clicks, coalesce(sum(s.unique_clicks), 0) AS unique_clicks,
                coalesce(sum(s.add_to_carts), 0) AS add_to_carts,
                coalesce(sum(s.purchases), 0) AS purchases, coalesce(sum(s.revenue), 0) AS revenue,
                coalesce(sum(s.waitlist_signups), 0) AS waitlist_signups,
                coalesce(sum(s.back_in_stock_clicks), 0) AS back_in_stock_clicks,
                coalesce(sum(s.variant_changes), 0) AS variant_changes,
                coalesce(sum(s.search_refinements), 0) AS search_refinements, coalesce(sum(s.bounces), 0) AS bounces
                """);
        select.append(" FROM (").append(source).append(") s LEFT JOIN link_meta l ON l.link_id = s.link_id WHERE true");
        if (q.channel() != null) {
            select.append(" AND l.channel = ?");
            args.add(q.channel());
        }
        if (!groups.isEmpty()) {
            String g = String.join(", ", groups);
            select.append(" GROUP BY ").append(g).append(" ORDER BY ").append(g);
        }
        List<Dimension> dims = q.groupBy();
        List<Cell> cells = sql.query(select.toString(), rs -> cell(rs, dims), args);
        return cells.stream().filter(c -> c.counts().clicks() > 0 || !dims.isEmpty()).toList();
    }

    private static Cell cell(ResultSet rs, List<Dimension> dims) throws SQLException {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            Object v = rs.getObject("d" + i);
            if (v instanceof java.sql.Date date) {
                v = date.toLocalDate().toString();
            } else if (v instanceof UUID id) {
                v = id.toString();
            }
            keys.put(dims.get(i).param, v);
        }
        Counts counts = new Counts(rs.getLong("clicks"), rs.getLong("unique_clicks"), rs.getLong("add_to_carts"),
                rs.getLong("purchases"), rs.getBigDecimal("revenue"), rs.getLong("waitlist_signups"),
                rs.getLong("back_in_stock_clicks"), rs.getLong("variant_changes"), rs.getLong("search_refinements"),
                rs.getLong("bounces"));
        return new Cell(keys, counts);
    }
}
