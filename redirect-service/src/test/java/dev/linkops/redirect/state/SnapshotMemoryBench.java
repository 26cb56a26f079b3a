package dev.linkops.redirect.state;

import dev.linkops.redirect.domain.AvailabilityTable;
import dev.linkops.redirect.domain.RoutingTable;
import dev.linkops.routing.RequestContext;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Heap each link costs once loaded (DESIGN §7: flat from 1k to 1M links). Not a test, so surefire
 * leaves it alone; run it on a file from {@code bench/gen_snapshot.py} with the test classpath:
 * {@code java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * dev.linkops.redirect.state.SnapshotMemoryBench /tmp/snapshot-1000000.json}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class SnapshotMemoryBench {

    private SnapshotMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long before = heapAfterFullGc();
        RoutingTable links = new RoutingTable();
        AvailabilityTable availability = new AvailabilityTable();
        long started = System.nanoTime();
        int[] counts = SnapshotFile.read(file, links::apply, availability::apply);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        long after = heapAfterFullGc();

        var decision = links.find("b1").route(availability, new RequestContext("desktop", "US", "en", null), Instant.now());
        System.out.printf("%,d links, %,d signals loaded in %,d ms; heap after full GC %,d -> %,d bytes: %,d bytes per link%n",
                counts[0], counts[1], loadMillis, before, after, (after - before) / Math.max(1, counts[0]));
        System.out.printf("b1 routes to %s (%s)%n", decision.destination(), decision.branch());
        // keep both tables reachable until after the measurement
        System.out.println(links.size() + availability.size() > 0 ? "ok" : "empty");
    }

    private static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
