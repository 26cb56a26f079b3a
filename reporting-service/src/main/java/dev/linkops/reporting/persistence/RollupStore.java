package dev.linkops.reporting.persistence;

import dev.linkops.reporting.domain.clicks.HourKey;
import dev.linkops.reporting.domain.clicks.RollupDelta;
import dev.linkops.reporting.domain.clicks.RollupKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Adds deltas to click_rollup cells; concurrent writers meet on the row lock of the upsert. */
@ApplicationScoped
public class RollupStore {
    @Inject
    Sql sql;

    public void add(RollupKey k, RollupDelta d) {
        sql.update(UPSERT, values(k, d));
    }

    /** Cells are written in a fixed order so concurrent batches lock rows in the same order (no deadlock). */
    public void addAll(Map<RollupKey, RollupDelta> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString()))
                .forEach(e -> rows.add(values(e.getKey(), e.getValue())));
        sql.batch(UPSERT, rows);
    }

    /** Click counts per timeline cell (click_hourly), in a fixed order as addAll. */
    public void addHours(Map<HourKey, Long> clicks) {
        List<Object[]> rows = new ArrayList<>();
        clicks.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString())).forEach(e -> rows.add(
                new Object[]{e.getKey().hour(), e.getKey().linkId(), e.getKey().stockState(), e.getKey().market(),
                        e.getKey().device(), e.getKey().bot(), e.getValue()}));
        sql.batch("""
                INSERT INTO click_hourly (hour, link_id, stock_state, market, device, bot, clicks)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (hour, link_id, stock_state, market, device, bot) DO UPDATE SET
                    clicks = click_hourly.clicks + EXCLUDED.clicks
                """, rows);
    }

    private static Object[] values(RollupKey k, RollupDelta d) {
        return new Object[]{k.day(), k.linkId(), k.linkVersion(), k.branch(), k.stockState(), k.market(), k.device(),
                k.bot(), d.clicks(), d.uniqueClicks(), d.addToCarts(), d.purchases(), d.revenue(), d.waitlistSignups(),
                d.backInStockClicks(), d.variantChanges(), d.searchRefinements(), d.bounces()};
    }

    private static final String UPSERT = """
                INSERT INTO click_rollup (day, link_id, link_version, branch, stock_state, market, device, bot,
                    clicks, unique_clicks, add_to_carts, purchases, revenue, waitlist_signups, back_in_stock_clicks,
                    variant_changes, search_refinements, bounces)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (day, link_id, link_version, branch, stock_state, market, device, bot) DO UPDATE SET
                    clicks = click_rollup.clicks + EXCLUDED.clicks,
                    unique_clicks = click_rollup.unique_clicks + EXCLUDED.unique_clicks,
                    add_to_carts = click_rollup.add_to_carts + EXCLUDED.add_to_carts,
                    purchases = click_rollup.purchases + EXCLUDED.purchases,
                    revenue = click_rollup.revenue + EXCLUDED.revenue,
                    waitlist_signups = click_rollup.waitlist_signups + EXCLUDED.waitlist_signups,
                    back_in_stock_clicks = click_rollup.back_in_stock_clicks + EXCLUDED.back_in_stock_clicks,
                    variant_changes = click_rollup.variant_changes + EXCLUDED.variant_changes,
                    search_refinements = click_rollup.search_refinements + EXCLUDED.search_refinements,
                    bounces = click_rollup.bounces + EXCLUDED.bounces
                """;
}
