package dev.linkops.redirect.clicks;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * flight at a time; the first confirmation opens the gate again and the journal is replayed. A click
 * leaves the write-ahead log ({@link ClickWal}) when the broker confirmed it or the journal holds it;
 * at start, what a killed process left in the log is sent first.
 */
@ApplicationScoped
public class ClickShipper {
    private static final Logger LOG = Logger.getLogger(ClickShipper.class);
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

    private record InFlight(OutgoingClick click, long sentAt) {
    }

    void start(@Observes StartupEvent ignored) throws Exception {
        if (sink == null) {
            sink = "discard".equalsIgnoreCase(config.clicks().sink())
                    ? (id, json) -> CompletableFuture.completedFuture(null)
                    : amqp.get();
        }
        journal = new ClickJournal(Path.of(config.clicks().journalFile()));
        buffer.recover(pending::add);
        journalSize.set(journal.size());
        Gauge.builder("linkops.redirect.clicks.journal", journalSize, AtomicLong::get)
                .description("clicks waiting in the disk journal").register(registry);
        Gauge.builder("linkops.redirect.clicks.pending", pendingSize, AtomicLong::get)
                .description("clicks held in memory until the broker confirms them").register(registry);
        Gauge.builder("linkops.redirect.clicks.in_flight", inFlight, Map::size).register(registry);
        sent = Counter.builder("linkops.redirect.clicks.sent").description("clicks the broker confirmed")
                .register(registry);
        journalDrops = ClickDrops.counter(registry, "journal_error");
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
        List<OutgoingClick> batch = new ArrayList<>(config.clicks().batchSize());
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
            buffer.closeLog();
        } catch (Exception e) {
            LOG.errorf("could not journal %d clicks at shutdown: %s", pending.size(), e);
        }
    }

    /** @return whether there was anything to do */
    private boolean pass(List<OutgoingClick> batch, List<OutgoingClick> replayed) throws Exception {
        boolean busy = drainBuffer(batch) > 0;
        busy |= takeRefused() > 0;
        busy |= expireUnconfirmed() > 0;
        if (brokerUp && pending.size() < config.clicks().batchSize() && !journal.isEmpty()) {
            replayed.clear();
            journal.readBack(replayed, config.clicks().batchSize());
            for (OutgoingClick click : replayed) {
                pending.add(buffer.log(click)); // before the journal lets go of them on the next read
            }
            busy |= !replayed.isEmpty();
        }
        spillOverflow();
        busy |= sendSome() > 0;
        journal.flush();
        journalSize.set(journal.size());
        pendingSize.set(pending.size());
        return busy;
    }

    private int drainBuffer(List<OutgoingClick> batch) {
        batch.clear();
        int n = buffer.drainTo(batch, config.clicks().batchSize());
        pending.addAll(batch);
        return n;
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

    /** Past the memory limit the newest clicks go to the journal, and leave the log once it holds them. */
    private void spillOverflow() throws Exception {
        int limit = config.clicks().memoryLimit();
        List<OutgoingClick> spilled = new ArrayList<>();
        while (pending.size() > limit) {
            OutgoingClick click = pending.pollLast();
            try {
                journal.append(click);
                spilled.add(click);
            } catch (Exception e) {
                // still in the write-ahead log: the next start sends it
                journalDrops.increment();
                LOG.warnf("click %s not journalled (journal not writable): %s", click.id(), e);
            }
        }
        if (!spilled.isEmpty()) {
            journal.flush();
            spilled.forEach(c -> ClickWal.release(c.wal()));
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
                    ClickWal.release(click.wal());
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
