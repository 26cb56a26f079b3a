package dev.linkops.availability.messaging;

import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns availability changes into AvailabilityChanged events through the outbox; each event takes the
 * next per-(sku, market) sequence. Without a coalescing window (the default) a change is written to the
 * outbox in the transaction that made it, so it leaves as soon as that commits. With a window, the row
 * stays pending for the window counted from its first unpublished change, so a burst of updates to one
 * (sku, market) leaves as one event carrying the latest values. Pending marks live in the database, so
 * nothing is lost on a crash: the periodic sweep publishes whatever a previous run left.
 */
@ApplicationScoped
public class AvailabilityPublisher {
    private static final Logger LOG = Logger.getLogger(AvailabilityPublisher.class);
    private static final String TX_KEY = AvailabilityPublisher.class.getName();
    private static final long SWEEP_MILLIS = 1000;

    @Inject
    AvailabilityConfig config;

    @Inject
    Outbox outbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private long nextDueMillis = Long.MAX_VALUE;

    void start(@Observes StartupEvent ignored) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "availability-publisher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::publishDueQuietly, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * The row (locked by the caller's transaction) changed in a way worth telling: published in this
     * transaction when there is no coalescing window, else marked pending and published once the window
     * closes. Publishing here saves a second transaction and a thread hand-over per update (DESIGN §7's
     * propagation budget); two changes of one row in one transaction then leave as two events.
     */
    public void changed(Availability row, Instant now) {
        row.markChanged(now);
        if (config.coalesceWindow().isZero()) {
            publish(row, now);
        } else {
            changedInThisTransaction();
        }
    }

    private void publish(Availability row, Instant now) {
        long sequence = row.sequence + 1;
        outbox.publish(Addresses.AVAILABILITY, row.toEvent(row.publishedState, sequence));
        row.sequence = sequence;
        row.publishedState = row.state;
        row.publishedAt = now;
        row.pendingSince = null;
    }

    /** Publishing is scheduled once the transaction that marked rows pending commits. */
    private void changedInThisTransaction() {
        if (transactions.getResource(TX_KEY) != null) {
            return;
        }
        transactions.putResource(TX_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    scheduleAt(System.currentTimeMillis() + config.coalesceWindow().toMillis());
                }
            }
        });
    }

    private synchronized void scheduleAt(long dueMillis) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null && !next.isDone() && nextDueMillis <= dueMillis) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        nextDueMillis = dueMillis;
        next = executor.schedule(this::runScheduled, Math.max(0, dueMillis - System.currentTimeMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        synchronized (this) {
            nextDueMillis = Long.MAX_VALUE;
        }
        publishDueQuietly();
    }

    private void publishDueQuietly() {
        try {
            while (publishDue() == config.publishChunk()) {
                // full chunk: more may be due
            }
            Instant oldest = QuarkusTransaction.requiringNew().call(() -> Availability.getEntityManager()
                    .createQuery("select min(a.pendingSince) from Availability a", Instant.class).getSingleResult());
            if (oldest != null) {
                // a floor, so rows another transaction holds locked are not polled in a busy loop
                scheduleAt(Math.max(oldest.toEpochMilli() + config.coalesceWindow().toMillis(),
                        System.currentTimeMillis() + 10));
            }
        } catch (Exception e) {
            LOG.warnf("publishing availability changes failed, retrying on the next sweep: %s", e.toString());
        }
    }

    /** @return how many rows were published */
    int publishDue() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Instant now = Instant.now();
            @SuppressWarnings("unchecked")
            List<Availability> due = Availability.getEntityManager().createNativeQuery(
                            "SELECT * FROM availability WHERE pending_since <= ?1 ORDER BY pending_since"
                                    + " LIMIT ?2 FOR UPDATE SKIP LOCKED", Availability.class)
                    .setParameter(1, now.minus(config.coalesceWindow()))
                    .setParameter(2, config.publishChunk())
                    .getResultList();
            for (Availability row : due) {
                publish(row, now);
            }
            return due.size();
        });
    }
}
