package dev.linkops.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends outbox rows to the broker and marks them sent once the broker has accepted them. Rows are
 * claimed with FOR UPDATE SKIP LOCKED so replicas never send the same row at once; a row whose send
 * failed stays unsent and goes again on the next pass. Receivers still dedupe by event id (Artemis
 * duplicate detection via _AMQ_DUPL_ID, and each consumer's processed-event log).
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final long SWEEP_MILLIS = 1000;
    /** Sent rows are kept a week for troubleshooting, then purged so the table does not grow forever. */
    private static final java.time.Duration SENT_RETENTION = java.time.Duration.ofDays(7);

    @Inject
    @Channel(CHANNEL)
    Emitter<JsonObject> emitter;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent ignored) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        registry.gauge("linkops.outbox.pending", pending);
        executor.scheduleWithFixedDelay(this::drainQuietly, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purgeQuietly, 5, 60, TimeUnit.MINUTES);
    }

    private void purgeQuietly() {
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    OutboxMessage.delete("sentAt < ?1", Instant.now().minus(SENT_RETENTION)));
        } catch (Exception e) {
            LOG.warnf("outbox purge failed, retrying in an hour: %s", e.toString());
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wakeUp();
    }

    /** Coalesces wake-ups: one drain runs for any number of commits that happened meanwhile. */
    public void wakeUp() {
        if (executor != null && scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                drainQuietly();
            });
        }
    }

    private void drainQuietly() {
        try {
            while (drainOnce() == BATCH) {
                // keep going while full batches come back
            }
        } catch (Exception e) {
            LOG.warnf("outbox relay pass failed, retrying on the next pass: %s", e.toString());
        }
    }

    /** @return how many rows were claimed */
    int drainOnce() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxMessage> rows = OutboxMessage.getEntityManager().createNativeQuery(
                    "SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY created_at LIMIT " + BATCH
                            + " FOR UPDATE SKIP LOCKED", OutboxMessage.class).getResultList();
            List<CompletableFuture<OutboxMessage>> sends = new ArrayList<>(rows.size());
            for (OutboxMessage row : rows) {
                sends.add(send(row));
            }
            Instant now = Instant.now();
            for (CompletableFuture<OutboxMessage> send : sends) {
                try {
                    send.get(10, TimeUnit.SECONDS).sentAt = now;
                } catch (Exception e) {
                    LOG.debugf("outbox send not confirmed: %s", e.toString());
                }
            }
            for (OutboxMessage row : rows) {
                if (row.sentAt == null) {
                    row.attempts++;
                }
            }
            pending.set(OutboxMessage.count("sentAt is null"));
            return rows.size();
        });
    }

    private CompletableFuture<OutboxMessage> send(OutboxMessage row) {
        CompletableFuture<OutboxMessage> done = new CompletableFuture<>();
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withAddress(row.address)
                .withDurable(true)
                .withMessageId(row.id.toString())
                .withSubject(row.eventType)
                .withContentType("application/json")
                .withApplicationProperties(new JsonObject()
                        .put("_AMQ_DUPL_ID", row.id.toString())
                        .put("type", row.eventType))
                .build();
        Message<JsonObject> message = Message.of(new JsonObject(row.envelope), Metadata.of(amqp),
                () -> {
                    done.complete(row);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) { // e.g. the emitter's buffer is full while the broker is away
            done.completeExceptionally(e);
        }
        return done;
    }
}
