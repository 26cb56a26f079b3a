package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.redirect.config.RedirectConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded hand-off between the event loop and the click shipper. offer() never blocks: when the
 * shipper cannot keep up the click is dropped and counted, the redirect is not delayed.
 */
@ApplicationScoped
public class ClickBuffer {

    private final ArrayBlockingQueue<ClickRecorded> queue;
    private final Counter dropped;

    @Inject
    public ClickBuffer(RedirectConfig config, MeterRegistry registry) {
        queue = new ArrayBlockingQueue<>(config.clicks().bufferCapacity());
        Gauge.builder("linkops.redirect.clicks.buffer", queue, ArrayBlockingQueue::size)
                .description("clicks waiting for the shipper").register(registry);
        dropped = ClickDrops.counter(registry, "buffer_full");
    }

    public void offer(ClickRecorded click) {
        if (!queue.offer(click)) {
            dropped.increment();
        }
    }

    int drainTo(Collection<ClickRecorded> sink, int max) {
        return queue.drainTo(sink, max);
    }

    /** Takes everything buffered (tests and tools; the shipper drains in bounded batches). */
    public int drainTo(Collection<ClickRecorded> sink) {
        return queue.drainTo(sink);
    }

    public int depth() {
        return queue.size();
    }
}
