package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.redirect.TestConfig;
import dev.linkops.redirect.domain.ClickIds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipper against a sink that plays an absent broker: nothing is lost, the journal takes the overflow. */
class ClickShipperTest {

    /** The broker: takes a click once per id (duplicate detection) while up, refuses everything while down. */
    static final class FakeBroker implements ClickSink {
        final AtomicBoolean up = new AtomicBoolean(true);
        final Map<String, Integer> received = new ConcurrentHashMap<>();
        final AtomicInteger refusals = new AtomicInteger();

        @Override
        public CompletableFuture<Void> send(String clickId, String json) {
            if (!up.get()) {
                refusals.incrementAndGet();
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            EventCodec.decode(json); // a real envelope
            received.merge(clickId, 1, Integer::sum);
            return CompletableFuture.completedFuture(null);
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ClickShipper shipper;

    private ClickShipper shipper(TestConfig config, ClickBuffer buffer, ClickSink sink) throws Exception {
        ClickShipper s = new ClickShipper();
        s.config = config;
        s.buffer = buffer;
        s.registry = registry;
        s.sink = sink;
        s.start(null);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        if (shipper != null) {
            shipper.stop(null);
        }
    }

    private static ClickRecorded click() {
        return new ClickRecorded(ClickIds.next(), "c", null, 0, "ROUTED", "default", null, "https://x.test/", List.of(),
                "desktop", "US", "en", null, false, Instant.now());
    }

    @Test
    void clicksMadeWhileTheBrokerIsAwayAreKeptInMemoryAndOnDiskAndSentOnceWhenItReturns() throws Exception {
        TestConfig config = new TestConfig();
        config.memoryLimit = 50; // most of them must go through the journal
        config.journalFile = "target/test-data/shipper-" + System.nanoTime() + ".journal";
        ClickBuffer buffer = new ClickBuffer(config, registry);
        FakeBroker broker = new FakeBroker();
        broker.up.set(false);
        shipper = shipper(config, buffer, broker);

        Set<String> made = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ClickRecorded click = click();
            made.add(click.clickId().toString());
            buffer.offer(click);
            if (i % 100 == 0) {
                Thread.sleep(20);
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("linkops.redirect.clicks.journal").gauge().value() > 0);
        assertTrue(Files.size(Path.of(config.journalFile)) > 0, "overflow is on disk");
        assertEquals(0, broker.received.size());

        broker.up.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> broker.received.size() == made.size());
        assertEquals(made, broker.received.keySet());
        await().atMost(Duration.ofSeconds(5)).until(() -> shipper.backlog() == 0);
        assertEquals(0.0, registry.get("linkops.redirect.clicks.dropped").tag("reason", "buffer_full").counter().count());
    }

    @Test
    void aClickIsEncodedAsAStandardEnvelopeWhoseEventIdIsTheClickId() {
        ClickRecorded click = click();
        OutgoingClick encoded = ClickBuffer.encode(click);
        var envelope = EventCodec.decode(encoded.json());
        assertEquals(click.clickId(), envelope.eventId());
        assertEquals("ClickRecorded", envelope.type());
        assertEquals(ClickBuffer.PRODUCER, envelope.producer());
        assertEquals(click, EventCodec.payload(envelope, ClickRecorded.class));
        assertEquals(click.clickId().toString(), encoded.id());
    }

    @Test
    void aFullBufferDropsTheClickAndCountsIt() {
        TestConfig config = new TestConfig();
        config.bufferCapacity = 2;
        ClickBuffer buffer = new ClickBuffer(config, registry);
        buffer.offer(click());
        buffer.offer(click());
        buffer.offer(click());
        assertEquals(1.0, registry.get("linkops.redirect.clicks.dropped").tag("reason", "buffer_full").counter().count());
        assertEquals(2, buffer.depth());
    }

    @Test
    void clicksNotConfirmedAtShutdownAreJournalledAndSentAfterTheNextStart() throws Exception {
        TestConfig config = new TestConfig();
        config.journalFile = "target/test-data/restart-" + System.nanoTime() + ".journal";
        ClickBuffer buffer = new ClickBuffer(config, registry);
        FakeBroker broker = new FakeBroker();
        broker.up.set(false);
        shipper = shipper(config, buffer, broker);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ClickRecorded click = click();
            made.add(click.clickId().toString());
            buffer.offer(click);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> buffer.depth() == 0);
        shipper.stop(null);

        broker.up.set(true);
        shipper = shipper(config, new ClickBuffer(config, new SimpleMeterRegistry()), broker);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.received.size() == made.size());
        assertEquals(made, broker.received.keySet());
    }

    @Test
    void clicksAProcessDiedWithBeforeTheBrokerHadThemAreSentByTheNextStart() throws Exception {
        TestConfig config = new TestConfig();
        config.journalFile = "target/test-data/crash-" + System.nanoTime() + ".journal";
        ClickBuffer dying = new ClickBuffer(config, new SimpleMeterRegistry());
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ClickRecorded click = click();
            made.add(click.clickId().toString());
            dying.offer(click); // answered, queued, never shipped: the process "dies" here without shutdown
        }

        FakeBroker broker = new FakeBroker();
        ClickBuffer next = new ClickBuffer(config, new SimpleMeterRegistry());
        shipper = shipper(config, next, broker);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.received.size() == made.size());
        assertEquals(made, broker.received.keySet());
        await().atMost(Duration.ofSeconds(5)).until(() -> shipper.backlog() == 0);
        assertEquals(1, broker.received.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                "each click sent once");
    }
}
