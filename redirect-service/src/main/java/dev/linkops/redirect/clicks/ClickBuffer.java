package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.redirect.config.RedirectConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * The hand-off between the event loop and the click shipper. offer() encodes the click, appends it to
 * the write-ahead log (so a redirect answered is a click kept, even through kill -9) and queues it; it
 * never blocks: when the shipper cannot keep up the click is dropped and counted, the redirect is not
 * delayed.
 */
@Singleton
public class ClickBuffer {
    private static final Logger LOG = Logger.getLogger(ClickBuffer.class);
    public static final String PRODUCER = "redirect-service";

    private final ArrayBlockingQueue<OutgoingClick> queue;
    private final ClickWal wal;
    private final Counter dropped;
    private final Counter encodeDrops;
    private final Counter walErrors;

    @Inject
    public ClickBuffer(RedirectConfig config, MeterRegistry registry) {
        this(config, registry, ClickWal.DEFAULT_SEGMENT_BYTES);
    }

    ClickBuffer(RedirectConfig config, MeterRegistry registry, int walSegmentBytes) {
        queue = new ArrayBlockingQueue<>(config.clicks().bufferCapacity());
        try {
            wal = new ClickWal(walDirectory(config), walSegmentBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("click write-ahead log not usable: " + e.getMessage(), e);
        }
        Gauge.builder("linkops.redirect.clicks.buffer", queue, ArrayBlockingQueue::size)
                .description("clicks waiting for the shipper").register(registry);
        dropped = ClickDrops.counter(registry, "buffer_full");
        encodeDrops = ClickDrops.counter(registry, "encode_error");
        walErrors = Counter.builder("linkops.redirect.clicks.wal.errors")
                .description("clicks kept in memory only: the write-ahead log refused them").register(registry);
    }

    /** The write-ahead log sits next to the overflow journal: {@code <journal-file>.wal/}. */
    static Path walDirectory(RedirectConfig config) {
        Path journal = Path.of(config.clicks().journalFile());
        return journal.resolveSibling(journal.getFileName() + ".wal");
    }

    public void offer(ClickRecorded click) {
        OutgoingClick encoded;
        try {
            encoded = encode(click);
        } catch (RuntimeException e) {
            encodeDrops.increment();
            LOG.warnf("click %s cannot be encoded: %s", click.clickId(), e);
            return;
        }
        OutgoingClick logged = log(encoded);
        if (!queue.offer(logged)) {
            ClickWal.release(logged.wal());
            dropped.increment();
        }
    }

    /** Puts a click into the write-ahead log; on failure it goes on in memory only, counted. */
    OutgoingClick log(OutgoingClick click) {
        try {
            ClickWal.Ref ref = wal.append(click.id(), click.json());
            return ref == null ? click : new OutgoingClick(click.id(), click.json(), ref);
        } catch (IOException | RuntimeException e) {
            if (walErrors.count() == 0) {
                LOG.errorf("click write-ahead log failed, clicks are in memory only: %s", e.toString());
            }
            walErrors.increment();
            return click;
        }
    }

    /** Clicks a killed process left in the write-ahead log, logged again here before they are handed on. */
    void recover(Consumer<OutgoingClick> into) throws IOException {
        List<OutgoingClick> found = new ArrayList<>();
        wal.recover(click -> found.add(log(click)));
        found.forEach(into);
        if (!found.isEmpty()) {
            LOG.infof("%d clicks recovered from the write-ahead log of the previous run", found.size());
        }
    }

    void closeLog() throws IOException {
        wal.closeAndDelete();
    }

    /** The click as a standard {@link EventEnvelope} whose event id is the click id. */
    static OutgoingClick encode(ClickRecorded click) {
        return new OutgoingClick(click.clickId().toString(), ClickJson.envelope(click, EventType.CLICK_RECORDED.wireName,
                EventCodec.SCHEMA_VERSION, Instant.now(), PRODUCER));
    }

    int drainTo(Collection<OutgoingClick> sink, int max) {
        return queue.drainTo(sink, max);
    }

    /** Takes everything buffered, decoded (tests and tools; the shipper drains in bounded batches). */
    public List<ClickRecorded> drainClicks() {
        List<OutgoingClick> taken = new ArrayList<>();
        queue.drainTo(taken);
        List<ClickRecorded> clicks = new ArrayList<>(taken.size());
        for (OutgoingClick c : taken) {
            ClickWal.release(c.wal());
            clicks.add(EventCodec.payload(EventCodec.decode(c.json()), ClickRecorded.class));
        }
        return clicks;
    }

    public int depth() {
        return queue.size();
    }
}
