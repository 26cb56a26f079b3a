package dev.linkops.availability.domain.sources;

import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.availability.domain.stock.AvailabilityLedger;
import dev.linkops.availability.domain.stock.StateTransition;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.FeedStale;
import dev.linkops.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares a source stale once it has been silent for expectedInterval × staleFactor: the SKUs of
 * the markets it drives turn UNKNOWN (routing then follows each link's explicit UNKNOWN branch) and
 * FeedStale goes out on linkops.availability for alerting. Its next batch brings them back.
 */
@ApplicationScoped
public class StaleSourceWatcher {
    private static final Logger LOG = Logger.getLogger(StaleSourceWatcher.class);

    @Inject
    AvailabilityConfig config;

    @Inject
    AvailabilityLedger ledger;

    @Inject
    Outbox outbox;

    @Scheduled(every = "${linkops.availability.stale-check-every:10s}", delayed = "${linkops.availability.stale-check-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        check(Instant.now());
    }

    /** @return the names of the sources found stale on this pass */
    public List<String> check(Instant now) {
        List<String> candidates = QuarkusTransaction.requiringNew().call(() ->
                FeedSource.<FeedSource>list("stale = false").stream().filter(s -> overdue(s, now))
                        .map(s -> s.name).toList());
        List<String> staleNow = new ArrayList<>();
        for (String name : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> markStale(name, now))) {
                    staleNow.add(name);
                }
            } catch (RuntimeException e) {
                LOG.warnf("could not mark source %s stale, next pass retries: %s", name, e.toString());
            }
        }
        return staleNow;
    }

    private boolean overdue(FeedSource s, Instant now) {
        long allowedMs = (long) (s.expectedIntervalMs * config.staleFactor());
        return s.lastHeardAt().plusMillis(allowedMs).isBefore(now);
    }

    private boolean markStale(String name, Instant now) {
        FeedSource source = FeedSource.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (source == null || source.stale || !overdue(source, now)) {
            return false; // a batch arrived meanwhile
        }
        source.stale = true;
        source.staleSince = now;
        List<String> markets = MarketAuthority.marketsOf(name);
        int affected = 0;
        for (Availability row : ledger.lockMarkets(markets)) {
            ledger.markUnknown(row, StateTransition.Reason.SOURCE_STALE, now);
            affected++;
        }
        outbox.publish(Addresses.AVAILABILITY,
                new FeedStale(name, markets, source.lastBatchAt, source.expectedInterval(), affected));
        LOG.warnf("feed source %s is stale (last batch %s); %d SKU rows in %s now UNKNOWN",
                name, source.lastBatchAt, affected, markets);
        return true;
    }
}
