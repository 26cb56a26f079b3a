package dev.linkops.infra.bench;

import dev.linkops.infra.EmbeddedPostgresServer;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Report latency over a large click volume. The clicks are written straight into reporting-service's
 * database by SQL (generate_series), the way its intake would have left them: click facts in their daily
 * partitions, the click_seen keys, post-click events attached to some clicks, click_rollup rows summed from
 * exactly those facts and events, and link_meta rows that put the links in one campaign. Then the report
 * API calls of DESIGN §6/§8 are timed over HTTP with a real token, as the dashboard makes them.
 */
final class ReportVolume {
    private static final int LINKS = 50;
    private static final int DAYS = 30;
    private static final int CHUNK = 500_000;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Suite suite;
    private final long clicks;
    private final int calls;
    private final Duration loadBudget;
    private double slowestP99 = Double.NaN;
    private String slowest = "";

    ReportVolume(Suite suite, long clicks, int calls, Duration loadBudget) {
        this.suite = suite;
        this.clicks = clicks;
        this.calls = calls;
        this.loadBudget = loadBudget;
    }

    List<String> run() throws Exception {
        String campaign = "bench_volume_" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
        LocalDate last = first.plusDays(DAYS - 1);
        String[] linkIds = new String[LINKS];
        for (int i = 0; i < LINKS; i++) {
            linkIds[i] = UUID.randomUUID().toString();
        }
        List<String> md = new ArrayList<>();
        md.add("### Reports over a click volume (bulk-loaded into reporting-service's PostgreSQL)");
        md.add("");
        long loaded;
        double loadS;
        String jdbc = "jdbc:postgresql://localhost:" + suite.config().postgresPort() + "/"
                + ServiceModule.REPORTING.database();
        try (Connection c = DriverManager.getConnection(jdbc, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = off"); // bulk load; the service's own writes keep their settings
            }
            insertLinks(c, campaign, linkIds);
            long t0 = System.nanoTime();
            loaded = load(c, first, linkIds, t0);
            loadS = (System.nanoTime() - t0) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            md.add(String.format(Locale.ROOT, "Loaded %,d clicks (target %,d) over %d days (%s … %s) and %d links of campaign "
                            + "`%s` in %.0f s (%,.0f clicks/s, facts + click_seen + post-click events + rollups + hourly cells)%s.",
                    loaded, clicks, DAYS, first, last, LINKS, campaign, loadS, loaded / Math.max(loadS, 0.001),
                    loaded < clicks ? " — **stopped early: the load budget of " + loadBudget.toMinutes() + " min ran out**" : ""));
            md.add("Mix: stock states IN_STOCK 3/7, LOW, OUT_OF_STOCK, BACKORDER, UNKNOWN 1/7 each; 4 markets; 3 devices; "
                    + "5 % bots; a purchase on 1 click in 50, an add-to-cart on 1 in 25, a waitlist sign-up on 1 in 10 "
                    + "out-of-stock clicks.");
            md.add("");
            md.add(consistency(c, linkIds, first, last));
        }
        md.add("");
        md.addAll(timeReports(campaign, linkIds[0], first, last));
        SuiteBench.summary(String.format(Locale.ROOT, "reports over %,d clicks: slowest p99 %s ms (%s)", loaded,
                Stats.ms(slowestP99), slowest));
        return md;
    }

    private static void insertLinks(Connection c, String campaign, String[] linkIds) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO link_meta (link_id, code, version, status, campaign, channel, owner, team, skus, updated_at)
                VALUES (?::uuid, ?, 1, 'LIVE', ?, ?, 'alice', 'marketing', ARRAY[?], now())""")) {
            for (int i = 0; i < linkIds.length; i++) {
                p.setString(1, linkIds[i]);
                p.setString(2, "vol-" + i);
                p.setString(3, campaign);
                p.setString(4, i % 2 == 0 ? "paid_search" : "email");
                p.setString(5, "VOL-" + i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private long load(Connection c, LocalDate first, String[] linkIds, long t0) throws SQLException {
        long perDay = clicks / DAYS;
        long loaded = 0;
        long deadline = t0 + loadBudget.toNanos();
        for (int d = 0; d < DAYS && System.nanoTime() < deadline; d++) {
            LocalDate day = first.plusDays(d);
            String partition = "click_fact_p" + SUFFIX.format(day);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + partition + " PARTITION OF click_fact FOR VALUES FROM ('"
                        + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
            long rows = d == DAYS - 1 ? clicks - perDay * (DAYS - 1) : perDay;
            long dayLoaded = 0;
            for (long offset = 0; offset < rows && System.nanoTime() < deadline; offset += CHUNK) {
                long lastRow = offset + Math.min(CHUNK, rows - offset) - 1;
                try (PreparedStatement p = c.prepareStatement(CHUNK_SQL)) {
                    p.setObject(1, day);
                    p.setArray(2, c.createArrayOf("text", linkIds));
                    p.setLong(3, offset);
                    p.setLong(4, lastRow);
                    p.execute();
                }
                dayLoaded += lastRow - offset + 1;
            }
            try (PreparedStatement p = c.prepareStatement(ROLLUP_SQL.formatted(partition))) {
                p.setObject(1, day);
                p.setArray(2, c.createArrayOf("uuid", linkIds));
                p.execute();
            }
            try (PreparedStatement p = c.prepareStatement(HOURLY_SQL.formatted(partition))) {
                p.setArray(1, c.createArrayOf("uuid", linkIds));
                p.execute();
            }
            loaded += dayLoaded;
            SuiteBench.log("volume: day %s loaded, %,d clicks so far (%.0f s)", day, loaded, (System.nanoTime() - t0) / 1e9);
        }
        return loaded;
    }

    /** Rollup clicks must equal fact rows, and rollup purchases attached events: otherwise the numbers are fake. */
    private static String consistency(Connection c, String[] linkIds, LocalDate first, LocalDate last)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT (SELECT count(*) FROM click_fact WHERE link_id = ANY(?::uuid[])),
                       (SELECT coalesce(sum(clicks), 0) FROM click_rollup WHERE link_id = ANY(?::uuid[])),
                       (SELECT count(*) FROM postclick_event WHERE sku = 'VOL' AND type = 'purchase'),
                       (SELECT coalesce(sum(purchases), 0) FROM click_rollup WHERE link_id = ANY(?::uuid[])),
                       (SELECT coalesce(sum(clicks), 0) FROM click_hourly WHERE link_id = ANY(?::uuid[])),
                       (SELECT count(*) FROM click_seen WHERE at >= ?::date AND at < ?::date + 1)""")) {
            for (int i = 1; i <= 4; i++) {
                p.setArray(i, c.createArrayOf("text", linkIds));
            }
            p.setObject(5, first);
            p.setObject(6, last);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long facts = rs.getLong(1);
                long rollupClicks = rs.getLong(2);
                long purchases = rs.getLong(3);
                long rollupPurchases = rs.getLong(4);
                long hourlyClicks = rs.getLong(5);
                long seen = rs.getLong(6);
                boolean ok = facts == rollupClicks && facts == hourlyClicks && purchases == rollupPurchases
                        && seen == facts;
                return String.format(Locale.ROOT, "Consistency: %,d facts, rollup clicks %,d, hourly clicks %,d, "
                                + "click_seen keys %,d; %,d purchases, rollup purchases %,d → %s", facts, rollupClicks,
                        hourlyClicks, seen, purchases, rollupPurchases, ok ? "consistent" : "**INCONSISTENT**");
            }
        }
    }

    private List<String> timeReports(String campaign, String linkId, LocalDate first, LocalDate last) {
        String base = suite.config().serviceUrl(ServiceModule.REPORTING) + "/api/reports";
        String range = "from=" + first + "&to=" + last;
        LocalDate mid = first.plusDays(DAYS / 2);
        String partialDay = "from=" + mid + "T00:00:01Z&to=" + mid + "T23:00:00Z";
        List<String[]> reports = List.of(
                new String[]{"campaign, 30 days, groupBy=stockState,branch (rollup)",
                        base + "/campaigns/" + campaign + "?" + range + "&groupBy=stockState,branch"},
                new String[]{"campaign, 30 days, groupBy=stockState,branch,version,channel,market,device (rollup)",
                        base + "/campaigns/" + campaign + "?" + range + "&groupBy=stockState,branch,version,channel,market,device"},
                new String[]{"campaign, 30 days, groupBy=day,stockState (rollup)",
                        base + "/campaigns/" + campaign + "?" + range + "&groupBy=day,stockState"},
                new String[]{"campaign, one partial day, groupBy=stockState,branch (facts)",
                        base + "/campaigns/" + campaign + "?" + partialDay + "&groupBy=stockState,branch"},
                new String[]{"one link, 30 days, groupBy=stockState (rollup)",
                        base + "/links/" + linkId + "?" + range + "&groupBy=stockState"},
                new String[]{"stock comparison, campaign, 30 days (rollup)",
                        base + "/campaigns/" + campaign + "/stock-comparison?" + range},
                new String[]{"timeline, campaign, 7 days, hourly (click_hourly)",
                        base + "/campaigns/" + campaign + "/timeline?from=" + last.minusDays(6) + "&to=" + last},
                new String[]{"ops view, campaign, 30 days",
                        base + "/ops?campaign=" + campaign + "&" + range});
        List<String> md = new ArrayList<>();
        md.add("Report API latency, JSON, token of ana (analytics), one client, sequential calls: the first call "
                + "apart (cold), then " + calls + " timed calls each.");
        md.add("");
        md.add("| report | rows | first ms | p50 ms | p99 ms | max ms |");
        md.add("|---|---|---|---|---|---|");
        for (String[] call : reports) {
            md.add(time(call[0], call[1]));
        }
        md.add("");
        md.add("With " + calls + " calls, p99 by nearest rank is the slowest call.");
        return md;
    }

    private String time(String what, String url) {
        String token = suite.tokens().of("ana");
        List<Double> ms = new ArrayList<>();
        double firstMs = Double.NaN;
        int rows = -1;
        for (int i = 0; i <= calls; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
            long t0 = System.nanoTime();
            var r = suite.http().exchange(request);
            double elapsed = (System.nanoTime() - t0) / 1e6;
            if (r.status() != 200) {
                SuiteBench.log("report %s: %s", what, r);
                slowest = what + " FAILED, " + slowest;
                return "| " + what + " | **HTTP " + r.status() + "** " + r.abbreviated().replace('|', '/') + " | | | | |";
            }
            if (i == 0) {
                firstMs = elapsed;
                var json = r.json();
                rows = json.path("rows").isArray() ? json.path("rows").size()
                        : json.path("creatives").isArray() ? json.path("creatives").size()
                        : json.path("buckets").isArray() ? json.path("buckets").size() : 1;
            } else {
                ms.add(elapsed);
            }
        }
        Stats s = new Stats(ms);
        if (Double.isNaN(slowestP99) || s.percentile(99) > slowestP99) {
            slowestP99 = s.percentile(99);
            slowest = what;
        }
        SuiteBench.log("report %s: first %s ms, p50 %s ms, p99 %s ms", what, Stats.ms(firstMs), Stats.ms(s.median()),
                Stats.ms(s.percentile(99)));
        return "| " + what + " | " + rows + " | " + Stats.ms(firstMs) + " | " + Stats.ms(s.median()) + " | "
                + Stats.ms(s.percentile(99)) + " | " + Stats.ms(s.max()) + " |";
    }

    /**
     * One chunk of one day's clicks: facts, their click_seen keys, and post-click events on some of them
     * (attached, as the intake attaches events whose click it knows). Parameters: day, link ids, first, last.
     */
    private static final String CHUNK_SQL = """
            WITH src AS (
              SELECT g, gen_random_uuid() AS click_id,
                     ?::date + (g % 86400) * interval '1 second' AS at,
                     (?::text[])[1 + g % 50]::uuid AS link_id,
                     (ARRAY['IN_STOCK','IN_STOCK','IN_STOCK','LOW','OUT_OF_STOCK','BACKORDER','UNKNOWN'])[1 + (g * 7919) % 7] AS s
              FROM generate_series(?::bigint, ?::bigint) g),
            ins AS (
              INSERT INTO click_fact (click_id, at, code, link_id, link_version, outcome, branch, destination_type, sku,
                  stock_state, available, signal_age_ms, market, device, language, referrer_host, bot, received_at)
              SELECT click_id, at, 'vol', link_id, 1, 'ROUTED',
                     CASE WHEN s = 'OUT_OF_STOCK' THEN 'sold-out' WHEN s = 'LOW' THEN 'low-stock' ELSE 'default' END,
                     CASE WHEN s = 'OUT_OF_STOCK' THEN 'WAITLIST' WHEN s = 'LOW' THEN 'CATEGORY' ELSE 'PDP' END,
                     'VOL', s, CASE WHEN s = 'OUT_OF_STOCK' THEN 0 WHEN s = 'LOW' THEN 12 ELSE 120 END, 1000,
                     (ARRAY['US','CA','GB','DE'])[1 + g % 4], (ARRAY['mobile','desktop','tablet'])[1 + g % 3], 'en',
                     'google.com', g % 20 = 0, at + interval '1 second'
              FROM src
              RETURNING click_id, at),
            seen AS (INSERT INTO click_seen (click_id, at) SELECT click_id, at FROM ins)
            INSERT INTO postclick_event (id, click_id, type, at, revenue, currency, order_id, sku, received_at, attached_at)
            SELECT gen_random_uuid(), src.click_id, e.type, src.at + interval '3 minutes',
                   CASE WHEN e.type = 'purchase' THEN 129.00 END, CASE WHEN e.type = 'purchase' THEN 'USD' END,
                   CASE WHEN e.type = 'purchase' THEN 'vol-' || src.g END, 'VOL',
                   src.at + interval '4 minutes', src.at + interval '4 minutes'
            FROM src CROSS JOIN LATERAL (VALUES
                (CASE WHEN src.g % 50 = 7 AND src.s <> 'OUT_OF_STOCK' THEN 'purchase' END),
                (CASE WHEN src.g % 25 = 3 AND src.s <> 'OUT_OF_STOCK' THEN 'add_to_cart' END),
                (CASE WHEN src.g % 10 = 1 AND src.s = 'OUT_OF_STOCK' THEN 'waitlist_signup' END)) e(type)
            WHERE e.type IS NOT NULL
            """;

    /** One day's timeline cells (click_hourly) counted from that day's facts. Parameter: link ids. */
    private static final String HOURLY_SQL = """
            INSERT INTO click_hourly (hour, link_id, stock_state, market, device, bot, clicks)
            SELECT date_trunc('hour', f.at, 'UTC'), f.link_id, f.stock_state, f.market, f.device, f.bot, count(*)
            FROM %s f WHERE f.link_id = ANY(?::uuid[])
            GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (hour, link_id, stock_state, market, device, bot) DO UPDATE SET
                clicks = click_hourly.clicks + EXCLUDED.clicks
            """;

    /** One day's rollup cells summed from that day's facts and their attached events. Parameters: day, link ids. */
    private static final String ROLLUP_SQL = """
            INSERT INTO click_rollup (day, link_id, link_version, branch, stock_state, market, device, bot, clicks,
                unique_clicks, add_to_carts, purchases, revenue, waitlist_signups)
            SELECT ?::date, f.link_id, f.link_version, f.branch, f.stock_state, f.market, f.device, f.bot, count(*),
                   count(*) FILTER (WHERE f.unique_click),
                   coalesce(sum(e.add_to_carts), 0), coalesce(sum(e.purchases), 0), coalesce(sum(e.revenue), 0),
                   coalesce(sum(e.waitlist_signups), 0)
            FROM %s f LEFT JOIN (
                SELECT click_id, count(*) FILTER (WHERE type = 'add_to_cart') AS add_to_carts,
                       count(*) FILTER (WHERE type = 'purchase') AS purchases,
                       sum(revenue) FILTER (WHERE type = 'purchase') AS revenue,
                       count(*) FILTER (WHERE type = 'waitlist_signup') AS waitlist_signups
                FROM postclick_event WHERE attached_at IS NOT NULL GROUP BY click_id) e ON e.click_id = f.click_id
            WHERE f.link_id = ANY(?::uuid[])
            GROUP BY 2, 3, 4, 5, 6, 7, 8
            ON CONFLICT (day, link_id, link_version, branch, stock_state, market, device, bot) DO UPDATE SET
                clicks = click_rollup.clicks + EXCLUDED.clicks,
                unique_clicks = click_rollup.unique_clicks + EXCLUDED.unique_clicks,
                add_to_carts = click_rollup.add_to_carts + EXCLUDED.add_to_carts,
                purchases = click_rollup.purchases + EXCLUDED.purchases,
                revenue = click_rollup.revenue + EXCLUDED.revenue,
                waitlist_signups = click_rollup.waitlist_signups + EXCLUDED.waitlist_signups
            """;
}
