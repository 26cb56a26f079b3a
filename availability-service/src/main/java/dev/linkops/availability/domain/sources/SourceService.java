package dev.linkops.availability.domain.sources;

import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.availability.domain.stock.AvailabilityLedger;
import dev.linkops.availability.domain.stock.StateTransition;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Registers feed sources and keeps "exactly one authoritative source per market". */
@ApplicationScoped
public class SourceService {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofDays(7);

    @Inject
    AvailabilityConfig config;

    @Inject
    AvailabilityLedger ledger;

    @Inject
    SourceRecovery recovery;

    @Inject
    EntityManager em;

    /**
     * Creates or replaces a source. Markets it drops lose their authoritative signal (their SKUs turn
     * UNKNOWN); markets it gains are driven from what it already reported there.
     *
     * @return true when the source was created
     */
    @Transactional
    public boolean put(String name, List<String> markets, Duration expectedInterval) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("/name", "must be 1-64 lower-case letters, digits or . _ - (e.g. erp)"));
        }
        Set<String> wanted = new TreeSet<>();
        List<String> given = markets == null ? List.of() : markets;
        for (int i = 0; i < given.size(); i++) {
            String m = given.get(i) == null ? "" : given.get(i).trim().toUpperCase(Locale.ROOT);
            if (!MARKET.matcher(m).matches()) {
                errors.add(new FieldError("/authoritativeMarkets/" + i, "must be a two-letter ISO 3166 country code such as US"));
            } else {
                wanted.add(m);
            }
        }
        Duration interval = expectedInterval == null ? config.defaultExpectedInterval() : expectedInterval;
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            errors.add(new FieldError("/expectedInterval", "must be an ISO-8601 duration between PT1S and P7D, e.g. PT5M"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (String market : wanted) {
            MarketAuthority holder = MarketAuthority.findById(market, LockModeType.PESSIMISTIC_WRITE);
            if (holder != null && !holder.source.equals(name)) {
                throw ProblemException.conflict("market " + market + " already has an authoritative source, '"
                        + holder.source + "'; take it off that source first (one authoritative source per market)",
                        Map.of("market", market, "authoritativeSource", holder.source));
            }
        }
        Instant now = Instant.now();
        FeedSource source = FeedSource.findById(name, LockModeType.PESSIMISTIC_WRITE);
        boolean created = source == null;
        if (created) {
            source = new FeedSource();
            source.name = name;
            source.createdAt = now;
        }
        source.expectedIntervalMs = interval.toMillis();
        source.updatedAt = now;
        if (created) {
            source.persist();
        }
        Set<String> held = new LinkedHashSet<>(MarketAuthority.marketsOf(name));
        List<String> dropped = held.stream().filter(m -> !wanted.contains(m)).toList();
        List<String> gained = wanted.stream().filter(m -> !held.contains(m)).toList();
        for (String market : dropped) {
            MarketAuthority.deleteById(market);
        }
        for (Availability row : ledger.lockMarkets(dropped)) {
            ledger.markUnknown(row, StateTransition.Reason.AUTHORITY_CHANGED, now);
        }
        for (String market : gained) {
            MarketAuthority a = new MarketAuthority();
            a.market = market;
            a.source = name;
            a.persist();
        }
        em.flush();
        if (!source.stale) {
            recovery.adopt(name, gained, now);
        }
        return created;
    }

    @Transactional
    public List<SourceStatus> list() {
        Instant now = Instant.now();
        Map<String, SourceStatus.Lag> lags = lags(null, now);
        List<SourceStatus> out = new ArrayList<>();
        for (FeedSource s : FeedSource.<FeedSource>list("order by name")) {
            out.add(status(s, lags.get(s.name), now));
        }
        return out;
    }

    @Transactional
    public SourceStatus get(String name) {
        FeedSource s = FeedSource.findById(name);
        if (s == null) {
            throw ProblemException.notFound("no feed source '" + name + "'");
        }
        Instant now = Instant.now();
        return status(s, lags(name, now).get(name), now);
    }

    private SourceStatus status(FeedSource s, SourceStatus.Lag lag, Instant now) {
        Duration interval = s.expectedInterval();
        Instant staleAfter = s.lastHeardAt().plusMillis((long) (interval.toMillis() * config.staleFactor()));
        return new SourceStatus(s.name, MarketAuthority.marketsOf(s.name), interval, s.lastBatchId, s.lastBatchAt,
                s.lastSentAt, s.lastBatchAt == null ? null : Duration.between(s.lastBatchAt, now).toMillis(),
                staleAfter, s.stale, s.staleSince,
                lag != null ? lag : new SourceStatus.Lag(0, config.lagWindow(), null, null));
    }

    private Map<String, SourceStatus.Lag> lags(String onlySource, Instant now) {
        String sql = "SELECT source, count(*),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - observed_at) * 1000),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - observed_at) * 1000)"
                + " FROM source_observation WHERE received_at >= ?1"
                + (onlySource == null ? "" : " AND source = ?2")
                + " GROUP BY source";
        var query = em.createNativeQuery(sql).setParameter(1, now.minus(config.lagWindow()));
        if (onlySource != null) {
            query.setParameter(2, onlySource);
        }
        Map<String, SourceStatus.Lag> out = new HashMap<>();
        for (Object r : query.getResultList()) {
            Object[] row = (Object[]) r;
            out.put((String) row[0], new SourceStatus.Lag(((Number) row[1]).longValue(), config.lagWindow(),
                    row[2] == null ? null : Math.round(((Number) row[2]).doubleValue()),
                    row[3] == null ? null : Math.round(((Number) row[3]).doubleValue())));
        }
        return out;
    }
}
