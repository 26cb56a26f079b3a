package dev.linkops.reporting.messaging;

import dev.linkops.reporting.config.ReportingConfig;
import dev.linkops.reporting.domain.clicks.ClickFact;
import dev.linkops.reporting.domain.clicks.ClickIntake;
import dev.linkops.reporting.domain.clicks.ClickPartitions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes clicks in batches: the consumer hands each decoded click over and returns at once; one
 * writer thread drains what has gathered (drainTo plus a short park, DESIGN §7) and stores it in one
 * transaction, then acks those messages. Nothing is acked before its commit, so a crash only means
 * redelivery, which the click_seen key absorbs. If a batch fails, its clicks are retried one by one
 * and only the ones that still fail are nacked.
 */
@ApplicationScoped
public class ClickBatcher {
    private static final Logger LOG = Logger.getLogger(ClickBatcher.class);

    @Inject
    ClickIntake intake;
    @Inject
    ClickPartitions partitions;
    @Inject
    ReportingConfig config;
    @Inject
    MeterRegistry registry;

    private record Item(ClickFact fact, Message<?> message) {
    }

    private BlockingQueue<Item> queue;
    private volatile boolean running;
    private Thread writer;

    void start(@Observes StartupEvent ignored) {
        queue = new ArrayBlockingQueue<>(config.intake().queueCapacity());
        registry.gaugeCollectionSize("linkops.reporting.intake.queued", List.of(), queue);
        running = true;
        writer = new Thread(this::run, "click-intake-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
    }

    /** Blocks the (worker) caller while the queue is full: backpressure towards the broker. */
    public void submit(ClickFact fact, Message<?> message) throws InterruptedException {
        queue.put(new Item(fact, message));
    }

    private void run() {
        int max = config.intake().batchSize();
        List<Item> batch = new ArrayList<>(max);
        while (running) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, max - batch.size());
                if (batch.size() < max) {
                    LockSupport.parkNanos(config.intake().gatherMillis() * 1_000_000L);
                    queue.drainTo(batch, max - batch.size());
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "click intake pass failed");
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Item> batch) {
        try {
            batch.stream().map(i -> i.fact().day()).distinct().forEach(partitions::ensure);
            int fresh = intake.recordBatch(batch.stream().map(Item::fact).toList()).size();
            registry.counter("linkops.reporting.clicks", "result", "stored").increment(fresh);
            registry.counter("linkops.reporting.clicks", "result", "duplicate").increment(batch.size() - fresh);
            batch.forEach(i -> i.message().ack());
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d clicks failed (%s); storing them one by one", batch.size(), batchFailure.toString());
            for (Item i : batch) {
                try {
                    partitions.ensure(i.fact().day());
                    boolean fresh = intake.record(i.fact());
                    registry.counter("linkops.reporting.clicks", "result", fresh ? "stored" : "duplicate").increment();
                    i.message().ack();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "click %s could not be stored; the broker will redeliver it", i.fact().clickId());
                    i.message().nack(e);
                }
            }
        }
    }
}
