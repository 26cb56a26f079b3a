package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.redirect.config.RedirectConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Moves clicks from the buffer to the broker on one thread of its own. It drains in batches and parks
 * briefly when idle (a blocking take() per click costs a fifth of a core at full load). A click stays
 * ours until the broker confirms it: unconfirmed and refused clicks go back to the pending list, which
 * spills to the disk journal past its memory limit. While the broker is away only one probe is in
 * flight at a time; the first confirmation opens the gate again and the journal is replayed.
 */
@ApplicationScoped
public class ClickShipper {
    private static final Logger LOG = Logger.getLogger(ClickShipper.class);
    public static final String PRODUCER = "redirect-service";
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_IN_FLIGHT = 256;

    @Inject
    RedirectConfig config;
    @Inject
    ClickBuffer buffer;
    @Inject
    Instance<AmqpClickSink> amqp;
    @Inject
    MeterRegistry registry;

    /** Set before start() by tests that bring their own sink. */
    ClickSink sink;
    private ClickJournal journal;
    private Thread thread;
    private volatile boolean running;

    private final ArrayDeque<OutgoingClick> pending = new ArrayDeque<>();
    /** click id → (click, sent at nanoTime) */
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<OutgoingClick> refused = new ConcurrentLinkedQueue<>();
    private volatile boolean brokerUp = true;
    private volatile long nextProbeAt;
    private final AtomicLong journalSize = new AtomicLong();
    private final AtomicLong pendingSize = new AtomicLong();
    private Counter sent;
    private Counter journalDrops;
    private Counter encodeDrops;

    private record InFlight(OutgoingClick click, long sentAt) {
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (sink == null) {
            sink = "discard".equalsIgnoreCase(config.clicks().sink())
                    ? (id, json) -> CompletableFuture.completedFuture(null)
                    : amqp.get();
        }
        journal = new ClickJournal(Path.of(config.clicks().journalFile()));
        journalSize.set(journal.size());
        Gauge.builder("linkops.redirect.clicks.journal", journalSize, AtomicLong::get)
                .description("clicks waiting in the disk journal").register(registry);
        Gauge.builder("linkops.redirect.clicks.pending", pendingSize, AtomicLong::get)
                .description("clicks held in memory until the broker confirms them").register(registry);
        Gauge.builder("linkops.redirect.clicks.in_flight", inFlight, Map::size).register(registry);
        sent = Counter.builder("linkops.redirect.clicks.sent").description("clicks the broker confirmed")
                .register(registry);
        journalDrops = ClickDrops.counter(registry, "journal_error");
        encodeDrops = ClickDrops.counter(registry, "encode_error");
        running = true;
        thread = new Thread(this::run, "click-shipper");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws Exception {
        running = false;
        if (thread != null) {
            thread.join(3000);
        }
    }

    private void run() {
        List<ClickRecorded> batch = new ArrayList<>(config.clicks().batchSize());
        List<OutgoingClick> replayed = new ArrayList<>(config.clicks().batchSize());
        long lastFlush = System.nanoTime();
        while (running) {
            try {
                boolean busy = pass(batch, replayed);
                if (!busy) {
                    LockSupport.parkNanos(IDLE_PARK_NANOS);
                }
            } catch (Throwable t) {
                LOG.errorf(t, "click shipper pass failed");
                LockSupport.parkNanos(PROBE_INTERVAL_NANOS);
            }
        }
        // shutting down: whatever the broker has not confirmed goes to the journal for the next start
        try {
            takeRefused();
            for (InFlight f : inFlight.values()) {
                pending.add(f.click());
            }
            drainBuffer(batch);
            for (OutgoingClick click : pending) {
                journal.append(click);
            }
            journal.close();
        } catch (Exception e) {
            LOG.errorf("could not journal %d clicks at shutdown: %s", pending.size(), e);
        }
    }

    /** @return whether there was anything to do */
    private boolean pass(List<ClickRecorded> batch, List<OutgoingClick> replayed) throws Exception {
        boolean busy = drainBuffer(batch) > 0;
        busy |= takeRefused() > 0;
        busy |= expireUnconfirmed() > 0;
        if (brokerUp && pending.size() < config.clicks().batchSize() && !journal.isEmpty()) {
            replayed.clear();
            journal.readBack(replayed, config.clicks().batchSize());
            pending.addAll(replayed);
            busy |= !replayed.isEmpty();
        }
        spillOverflow();
        busy |= sendSome() > 0;
        journal.flush();
        journalSize.set(journal.size());
        pendingSize.set(pending.size());
        return busy;
    }

    private int drainBuffer(List<ClickRecorded> batch) {
        batch.clear();
        int n = buffer.drainTo(batch, config.clicks().batchSize());
        for (ClickRecorded click : batch) {
            try {
                pending.add(encode(click));
            } catch (RuntimeException e) {
                encodeDrops.increment();
                LOG.warnf("click %s cannot be encoded: %s", click.clickId(), e);
            }
        }
        return n;
    }

    /**
     * The same JSON as {@link EventEnvelope}, written in one pass: going through the envelope's JsonNode
     * payload would build the tree and then serialise it, twice the work for every click.
     */
    record ClickEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String producer,
                         ClickRecorded payload) {
    }

    static OutgoingClick encode(ClickRecorded click) {
        ClickEnvelope envelope = new ClickEnvelope(click.clickId(), EventType.CLICK_RECORDED.wireName,
                EventCodec.SCHEMA_VERSION, Instant.now(), PRODUCER, click);
        try {
            return new OutgoingClick(click.clickId().toString(), EventCodec.mapper().writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode click " + click.clickId(), e);
        }
    }

    private int takeRefused() {
        int n = 0;
        OutgoingClick click;
        while ((click = refused.poll()) != null) {
            pending.addFirst(click);
            n++;
        }
        return n;
    }

    /** A send the broker never answered is tried again; the broker drops the duplicate if the first one landed. */
    private int expireUnconfirmed() {
        long timeout = config.clicks().ackTimeout().toNanos();
        long now = System.nanoTime();
        int n = 0;
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            if (now - f.sentAt() > timeout) {
                it.remove();
                pending.addFirst(f.click());
                brokerDown();
                n++;
            }
        }
        return n;
    }

    private void spillOverflow() {
        int limit = config.clicks().memoryLimit();
        while (pending.size() > limit) {
            OutgoingClick click = pending.pollLast();
            try {
                journal.append(click);
            } catch (Exception e) {
                journalDrops.increment();
                LOG.warnf("click %s lost: journal not writable: %s", click.id(), e);
            }
        }
    }

    private int sendSome() {
        int n = 0;
        while (!pending.isEmpty() && inFlight.size() < MAX_IN_FLIGHT) {
            if (!brokerUp) {
                // one probe at a time while the broker is away
                if (!inFlight.isEmpty() || System.nanoTime() - nextProbeAt < 0) {
                    break;
                }
                nextProbeAt = System.nanoTime() + PROBE_INTERVAL_NANOS;
            }
            OutgoingClick click = pending.poll();
            send(click);
            n++;
            if (!brokerUp) {
                break;
            }
        }
        return n;
    }

    private void send(OutgoingClick click) {
        inFlight.put(click.id(), new InFlight(click, System.nanoTime()));
        try {
            sink.send(click.id(), click.json()).whenComplete((ok, failure) -> {
                if (inFlight.remove(click.id()) == null) {
                    return; // timed out meanwhile and already back in the pending list
                }
                if (failure == null) {
                    sent.increment();
                    brokerUp = true;
                } else {
                    refused.add(click);
                    brokerDown();
                }
            });
        } catch (RuntimeException e) { // e.g. the emitter's own buffer is full while the broker is away
            if (inFlight.remove(click.id()) != null) {
                refused.add(click);
            }
            brokerDown();
        }
    }

    private void brokerDown() {
        if (brokerUp) {
            LOG.warn("broker not confirming clicks: holding them (memory, then journal) until it returns");
            nextProbeAt = System.nanoTime() + PROBE_INTERVAL_NANOS;
        }
        brokerUp = false;
    }

    /** Clicks not yet confirmed by the broker, wherever they wait. */
    public long backlog() {
        return buffer.depth() + pendingSize.get() + inFlight.size() + journalSize.get();
    }
}
