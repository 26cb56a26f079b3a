package dev.linkops.reporting.persistence;

import dev.linkops.reporting.domain.clicks.ClickFact;
import dev.linkops.reporting.domain.clicks.RollupKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClickStore {
    @Inject
    Sql sql;

    /** @return false when the click id was seen before (a redelivery): nothing is written then */
    public boolean claim(UUID clickId, Instant at) {
        return sql.update("INSERT INTO click_seen (click_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                clickId, at) == 1;
    }

    /** Claims a batch's click ids at once; @return the facts whose click id was not seen before */
    public List<ClickFact> claimAll(List<ClickFact> facts) {
        int[] counts = sql.batch("INSERT INTO click_seen (click_id, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                facts.stream().map(f -> new Object[]{f.clickId(), f.at()}).toList());
        List<ClickFact> fresh = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                fresh.add(facts.get(i));
            }
        }
        return fresh;
    }

    public void insertAll(List<ClickFact> facts, Instant receivedAt) {
        sql.batch(INSERT, facts.stream().map(f -> values(f, receivedAt)).toList());
    }

    private static final String INSERT = """
            INSERT INTO click_fact (click_id, at, code, link_id, link_version, outcome, branch, destination_type,
                sku, stock_state, available, signal_age_ms, market, device, language, referrer_host, bot, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static Object[] values(ClickFact f, Instant receivedAt) {
        return new Object[]{f.clickId(), f.at(), f.code(), f.linkId(), f.linkVersion(), f.outcome(), f.branch(),
                f.destinationType(), f.sku(), f.stockState(), f.available(), f.signalAgeMs(), f.market(),
                f.device(), f.language(), f.referrerHost(), f.bot(), receivedAt};
    }

    public void insert(ClickFact f, Instant receivedAt) {
        sql.update("""
                INSERT INTO click_fact (click_id, at, code, link_id, link_version, outcome, branch, destination_type,
                    sku, stock_state, available, signal_age_ms, market, device, language, referrer_host, bot, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, f.clickId(), f.at(), f.code(), f.linkId(), f.linkVersion(), f.outcome(), f.branch(),
                f.destinationType(), f.sku(), f.stockState(), f.available(), f.signalAgeMs(), f.market(),
                f.device(), f.language(), f.referrerHost(), f.bot(), receivedAt);
    }

    /** @return the rollup cell of a stored click, or null when the click is not known (yet) */
    public RollupKey rollupKeyOf(UUID clickId) {
        return sql.one("""
                SELECT f.at, f.link_id, f.link_version, f.branch, f.stock_state, f.market, f.device, f.bot
                FROM click_seen s JOIN click_fact f ON f.click_id = s.click_id AND f.at = s.at
                WHERE s.click_id = ?
                """, rs -> new RollupKey(LocalDate.ofInstant(Sql.instant(rs, "at"), ZoneOffset.UTC),
                rs.getObject("link_id", UUID.class), rs.getLong("link_version"), rs.getString("branch"),
                rs.getString("stock_state"), rs.getString("market"), rs.getString("device"),
                rs.getBoolean("bot")), clickId);
    }
}
