package dev.linkops.reporting.domain.reports;

import dev.linkops.reporting.domain.events.PendingEvents;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Builds the stock-aware reports of DESIGN §6 from {@link ReportStore} aggregates. */
@ApplicationScoped
public class ReportService {
    private static final Set<String> UNSTABLE = Set.of("LOW", "OUT_OF_STOCK", "BACKORDER");
    private static final Set<Dimension> IMPRESSION_DIMENSIONS = EnumSet.of(Dimension.DAY, Dimension.CHANNEL,
            Dimension.CAMPAIGN);

    @Inject
    ReportStore store;
    @Inject
    Sql sql;
    @Inject
    PendingEvents pending;

    public CampaignReport report(ReportQuery q) {
        List<ReportStore.Cell> cells = store.aggregate(q);
        Map<String, Long> impressionsByCell = rowImpressions(q);
        List<Map<String, Object>> rows = new ArrayList<>(cells.size());
        for (ReportStore.Cell c : cells) {
            Map<String, Object> row = new LinkedHashMap<>(c.keys());
            row.putAll(c.counts().metrics());
            if (impressionsByCell != null) {
                Long imp = impressionsByCell.get(impressionKey(c.keys(), q.groupBy()));
                row.put("impressions", imp);
                row.put("ctr", imp == null || imp == 0 ? null : Counts.round(c.counts().clicks() / (double) imp));
            }
            rows.add(row);
        }

        Map<String, Counts> byState = byStockState(q);
        Counts total = byState.values().stream().reduce(Counts.ZERO, Counts::plus);
        Counts inStock = byState.getOrDefault("IN_STOCK", Counts.ZERO);
        Counts outOfStock = byState.getOrDefault("OUT_OF_STOCK", Counts.ZERO);
        BigDecimal inStockRpc = inStock.revenuePerClick() == null ? BigDecimal.ZERO : inStock.revenuePerClick();
        BigDecimal expected = inStockRpc.multiply(BigDecimal.valueOf(outOfStock.clicks()));
        BigDecimal lost = expected.subtract(outOfStock.revenue()).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);

        Long impressions = null;
        BigDecimal spend = null;
        if (q.campaign() != null) {
            Object[] imp = sql.one("SELECT coalesce(sum(impressions), 0), coalesce(sum(spend), 0), count(*) FROM impression "
                            + "WHERE campaign = ? AND day >= ? AND day < ?" + (q.channel() != null ? " AND channel = ?" : ""),
                    rs -> new Object[]{rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3)},
                    impressionArgs(q).toArray());
            if ((long) imp[2] > 0) {
                impressions = (Long) imp[0];
                spend = (BigDecimal) imp[1];
            }
        }
        return new CampaignReport(q.campaign(), q.linkId() == null ? null : q.linkId().toString(), q.from(), q.to(),
                q.groupBy().stream().map(d -> d.param).toList(), q.includeBots(), q.wholeDays() ? "rollup" : "facts",
                rows, total.metrics(), impressions, spend,
                impressions == null || impressions == 0 ? null : Counts.round(total.clicks() / (double) impressions),
                spend == null || total.clicks() == 0 ? null
                        : spend.divide(BigDecimal.valueOf(total.clicks()), 4, RoundingMode.HALF_UP),
                new CampaignReport.LostToOutOfStock(outOfStock.clicks(), inStockRpc, lost),
                outOfStock.rate(outOfStock.bounces()));
    }

    public StockComparison stockComparison(ReportQuery q) {
        List<ReportStore.Cell> cells = store.aggregate(q.groupedBy(
                List.of(Dimension.LINK, Dimension.CODE, Dimension.VERSION, Dimension.STOCK_STATE)));
        Map<String, Counts[]> byCreative = new TreeMap<>();
        Map<String, Object[]> ids = new HashMap<>();
        Counts campaignInStock = Counts.ZERO;
        for (ReportStore.Cell c : cells) {
            String key = c.keys().get("link") + "#" + c.keys().get("version");
            ids.putIfAbsent(key, new Object[]{c.keys().get("link"), c.keys().get("code"), c.keys().get("version")});
            Counts[] pair = byCreative.computeIfAbsent(key, k -> new Counts[]{Counts.ZERO, Counts.ZERO});
            String state = (String) c.keys().get("stockState");
            if ("IN_STOCK".equals(state)) {
                pair[0] = pair[0].plus(c.counts());
                campaignInStock = campaignInStock.plus(c.counts());
            } else if (UNSTABLE.contains(state)) {
                pair[1] = pair[1].plus(c.counts());
            }
        }
        Double baseline = campaignInStock.conversionRate();
        List<StockComparison.Creative> creatives = new ArrayList<>();
        for (var e : byCreative.entrySet()) {
            Object[] id = ids.get(e.getKey());
            Counts in = e.getValue()[0];
            Counts unstable = e.getValue()[1];
            Double stockDriven = in.conversionRate() == null || unstable.conversionRate() == null ? null
                    : Counts.round(in.conversionRate() - unstable.conversionRate());
            Double messageDriven = baseline == null || in.conversionRate() == null ? null
                    : Counts.round(baseline - in.conversionRate());
            creatives.add(new StockComparison.Creative((String) id[0], (String) id[1], ((Number) id[2]).longValue(),
                    in.metrics(), unstable.metrics(), stockDriven, messageDriven));
        }
        return new StockComparison(q.campaign(), q.from(), q.to(), baseline, creatives);
    }

    public Timeline timeline(ReportQuery q) {
        // whole hours read click_hourly (maintained with the facts); other ranges group the facts
        boolean wholeHours = q.wholeHours();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(wholeHours ? " WHERE f.hour >= ? AND f.hour < ?"
                : " WHERE f.at >= ? AND f.at < ?");
        args.add(q.from());
        args.add(q.to());
        if (q.linkId() != null) {
            where.append(" AND f.link_id = ?");
            args.add(q.linkId());
        }
        if (q.campaign() != null) {
            where.append(" AND f.link_id IN (SELECT link_id FROM link_meta WHERE campaign = ?)");
            args.add(q.campaign());
        }
        if (!q.includeBots()) {
            where.append(" AND NOT f.bot");
        }
        if (q.market() != null) {
            where.append(" AND f.market = ?");
            args.add(q.market());
        }
        if (q.device() != null) {
            where.append(" AND f.device = ?");
            args.add(q.device());
        }
        String select = wholeHours
                ? "SELECT f.hour, f.stock_state, sum(f.clicks) AS clicks FROM click_hourly f"
                : "SELECT date_trunc('hour', f.at, 'UTC') AS hour, f.stock_state, count(*) AS clicks FROM click_fact f";
        List<Timeline.Bucket> buckets = sql.query(select + where + " GROUP BY 1, 2 ORDER BY 1, 2",
                rs -> new Timeline.Bucket(Sql.instant(rs, "hour"), rs.getString("stock_state"), rs.getLong("clicks")),
                args);

        String linkFilter = q.linkId() != null ? "link_id = ?" : "campaign = ?";
        Object linkArg = q.linkId() != null ? q.linkId() : q.campaign();
        List<String> linkIds = sql.query("SELECT link_id::text FROM link_meta WHERE " + linkFilter,
                rs -> rs.getString(1), linkArg);
        List<String> skus = sql.query("SELECT DISTINCT unnest(skus) AS sku FROM link_meta WHERE " + linkFilter
                + " ORDER BY 1", rs -> rs.getString(1), linkArg);
        String[] skuArray = skus.toArray(String[]::new);
        List<Object> tArgs = new ArrayList<>(List.of(skuArray, q.from(), q.to()));
        if (q.market() != null) {
            tArgs.add(q.market());
        }
        List<Timeline.Transition> transitions = sql.query("""
                SELECT sku, market, observed_at, state, previous_state, available, source FROM availability_transition
                WHERE sku = ANY(?) AND observed_at >= ? AND observed_at < ?
                  AND (previous_state IS NULL OR previous_state <> state)""" + (q.market() != null ? " AND market = ?" : "")
                        + " ORDER BY observed_at LIMIT 2000",
                rs -> new Timeline.Transition(rs.getString("sku"), rs.getString("market"), Sql.instant(rs, "observed_at"),
                        rs.getString("state"), rs.getString("previous_state"), rs.getLong("available"),
                        rs.getString("source")), tArgs);
        List<Timeline.Alert> alerts = sql.query("""
                SELECT alert_id, alert_type, severity, subject, link_id, sku, raised_at, resolved_at FROM alert_log
                WHERE (link_id::text = ANY(?) OR sku = ANY(?)) AND raised_at < ? AND (resolved_at IS NULL OR resolved_at >= ?)
                ORDER BY raised_at LIMIT 500
                """, rs -> new Timeline.Alert(rs.getString("alert_id"), rs.getString("alert_type"),
                rs.getString("severity"), rs.getString("subject"), rs.getString("link_id"), rs.getString("sku"),
                Sql.instant(rs, "raised_at"), Sql.instant(rs, "resolved_at")),
                linkIds.toArray(String[]::new), skuArray, q.to(), q.from());
        return new Timeline(q.campaign(), q.linkId() == null ? null : q.linkId().toString(), q.from(), q.to(),
                wholeHours ? "hourly" : "facts", skus, buckets, transitions, alerts);
    }

    public OpsView ops(ReportQuery q) {
        Map<String, Counts> byState = byStockState(q);
        Map<String, Long> clicksByState = new LinkedHashMap<>();
        byState.forEach((state, counts) -> clicksByState.put(state, counts.clicks()));
        Counts total = byState.values().stream().reduce(Counts.ZERO, Counts::plus);
        Double inStockRate = total.clicks() == 0 ? null
                : Counts.round(byState.getOrDefault("IN_STOCK", Counts.ZERO).clicks() / (double) total.clicks());

        OpsView.FeedLag lag = sql.one("""
                SELECT count(*) AS n, avg(lag) AS avg_ms, percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95_ms,
                       max(lag) AS max_ms
                FROM (SELECT extract(epoch FROM received_at - observed_at) * 1000 AS lag FROM availability_transition
                      WHERE received_at >= ? AND received_at < ?) x
                """, rs -> new OpsView.FeedLag(rs.getLong("n"), round1(rs.getObject("avg_ms")),
                round1(rs.getObject("p95_ms")), round1(rs.getObject("max_ms")), List.of()), q.from(), q.to());
        Instant now = Instant.now();
        List<OpsView.Source> sources = sql.query("""
                SELECT coalesce(source, '(unnamed)') AS source, count(*) AS n, max(received_at) AS last_received
                FROM availability_transition WHERE received_at >= ? AND received_at < ? GROUP BY 1 ORDER BY 1
                """, rs -> {
            Instant last = Sql.instant(rs, "last_received");
            return new OpsView.Source(rs.getString("source"), rs.getLong("n"), last,
                    last == null ? null : Math.max(0, now.toEpochMilli() - last.toEpochMilli()));
        }, q.from(), q.to());
        lag = new OpsView.FeedLag(lag.signals(), lag.avgMs(), lag.p95Ms(), lag.maxMs(), sources);

        List<Object> aArgs = new ArrayList<>();
        String liveFilter = "status = 'LIVE'";
        if (q.campaign() != null) {
            liveFilter += " AND campaign = ?";
            aArgs.add(q.campaign());
        }
        if (q.channel() != null) {
            liveFilter += " AND channel = ?";
            aArgs.add(q.channel());
        }
        OpsView.Audits audits = sql.one("WITH live AS (SELECT link_id FROM link_meta WHERE " + liveFilter + """
                ), last AS (
                    SELECT DISTINCT ON (a.link_id, coalesce(a.branch, '')) a.link_id, a.ok
                    FROM destination_audit a JOIN live ON live.link_id = a.link_id
                    ORDER BY a.link_id, coalesce(a.branch, ''), a.checked_at DESC
                ), per_link AS (SELECT link_id, bool_and(ok) AS passed FROM last GROUP BY link_id)
                SELECT (SELECT count(*) FROM live) AS live, count(*) AS audited,
                       count(*) FILTER (WHERE passed) AS passing FROM per_link
                """, rs -> {
            long live = rs.getLong("live");
            long passing = rs.getLong("passing");
            return new OpsView.Audits(live, rs.getLong("audited"), passing,
                    live == 0 ? null : Counts.round(passing / (double) live));
        }, aArgs.toArray());
        return new OpsView(q.campaign(), q.from(), q.to(), total.clicks(), clicksByState, inStockRate, lag, audits,
                pending.count());
    }

    private Map<String, Counts> byStockState(ReportQuery q) {
        Map<String, Counts> byState = new TreeMap<>();
        for (ReportStore.Cell c : store.aggregate(q.groupedBy(List.of(Dimension.STOCK_STATE)))) {
            byState.put((String) c.keys().get("stockState"), c.counts());
        }
        return byState;
    }

    /** Impressions per report row, when rows are cut only by dimensions impressions have too. */
    private Map<String, Long> rowImpressions(ReportQuery q) {
        if (q.campaign() == null || q.groupBy().isEmpty() || !IMPRESSION_DIMENSIONS.containsAll(q.groupBy())) {
            return null;
        }
        List<String> columns = q.groupBy().stream().map(d -> switch (d) {
            case DAY -> "day";
            case CHANNEL -> "channel";
            default -> "campaign";
        }).toList();
        String cols = String.join(", ", columns);
        Map<String, Long> byKey = new HashMap<>();
        sql.query("SELECT " + cols + ", sum(impressions) AS n FROM impression WHERE campaign = ? AND day >= ? AND day < ?"
                + (q.channel() != null ? " AND channel = ?" : "") + " GROUP BY " + cols, rs -> {
            StringBuilder key = new StringBuilder();
            for (int i = 1; i <= columns.size(); i++) {
                Object v = rs.getObject(i);
                key.append(v instanceof java.sql.Date d ? d.toLocalDate().toString() : String.valueOf(v)).append('|');
            }
            byKey.put(key.toString(), rs.getLong("n"));
            return null;
        }, impressionArgs(q));
        return byKey;
    }

    private static String impressionKey(Map<String, Object> keys, List<Dimension> dims) {
        StringBuilder key = new StringBuilder();
        for (Dimension d : dims) {
            key.append(keys.get(d.param)).append('|');
        }
        return key.toString();
    }

    private static List<Object> impressionArgs(ReportQuery q) {
        List<Object> args = new ArrayList<>();
        args.add(q.campaign());
        args.add(LocalDate.ofInstant(q.from(), ZoneOffset.UTC));
        // a partial last day still counts that day's impressions
        LocalDate toDay = LocalDate.ofInstant(q.to(), ZoneOffset.UTC);
        args.add(q.wholeDays() ? toDay : toDay.plusDays(1));
        if (q.channel() != null) {
            args.add(q.channel());
        }
        return args;
    }

    private static Double round1(Object v) {
        return v == null ? null : Math.round(((Number) v).doubleValue() * 10) / 10d;
    }

    static UUID uuid(Object v) {
        return v == null ? null : UUID.fromString(v.toString());
    }
}
