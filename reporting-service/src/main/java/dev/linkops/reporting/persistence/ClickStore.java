package dev.linkops.reporting.persistence;

import dev.linkops.reporting.domain.clicks.ClickFact;
import dev.linkops.reporting.domain.clicks.RollupKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ClickStore {
    @Inject
    Sql sql;

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

    /**
     * Claims each fact's visit (visitor, link, UTC day), earliest click first, in a fixed order so
     * concurrent batches lock keys in the same order.
     *
     * @return the click ids that are their visitor's first on the link that day; a click without a
     * visitor key is always one
     */
    public Set<UUID> claimVisits(List<ClickFact> facts) {
        Set<UUID> unique = new HashSet<>();
        List<ClickFact> keyed = new ArrayList<>();
        for (ClickFact f : facts) {
            if (f.visitor() == null) {
                unique.add(f.clickId());
            } else {
                keyed.add(f);
            }
        }
        keyed.sort(Comparator.comparing(ClickFact::day).thenComparing(ClickFact::linkId)
                .thenComparing(ClickFact::visitor).thenComparing(ClickFact::at).thenComparing(ClickFact::clickId));
        int[] counts = sql.batch(
                "INSERT INTO click_visitor (day, link_id, visitor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                keyed.stream().map(f -> new Object[]{f.day(), f.linkId(), f.visitor()}).toList());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                unique.add(keyed.get(i).clickId());
            }
        }
        return unique;
    }

    public void insertAll(List<ClickFact> facts, Set<UUID> unique, Instant receivedAt) {
        sql.batch("""
                INSERT INTO click_fact (click_id, at, code, link_id, link_version, outcome, branch, destination_type,
                    sku, stock_state, available, signal_age_ms, market, device, language, referrer_host, bot,
                    visitor, unique_click, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, facts.stream().map(f -> new Object[]{f.clickId(), f.at(), f.code(), f.linkId(), f.linkVersion(),
                f.outcome(), f.branch(), f.destinationType(), f.sku(), f.stockState(), f.available(), f.signalAgeMs(),
                f.market(), f.device(), f.language(), f.referrerHost(), f.bot(), f.visitor(),
                unique.contains(f.clickId()), receivedAt}).toList());
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
