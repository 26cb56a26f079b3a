package dev.linkops.redirect.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Redirect counters by outcome and branch and the resolution latency. Meters are looked up once and
 * cached: building a meter id per request would allocate on the event loop.
 */
@Singleton
public class RedirectMetrics {
    static final String REDIRECTS = "linkops.redirect.redirects";
    /** Branch labels are chosen by link authors; past this many the rest count as "other". */
    private static final int MAX_BRANCHES_PER_OUTCOME = 200;

    private final MeterRegistry registry;

    private final Map<Outcome, Map<String, Counter>> byOutcome = new EnumMap<>(Outcome.class);
    private Counter unknownBeforeSnapshot;
    private Timer latency;

    @Inject
    public RedirectMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, new ConcurrentHashMap<>());
        }
        unknownBeforeSnapshot = Counter.builder("linkops.redirect.not_ready")
                .description("requests answered with the global fallback before any snapshot was loaded")
                .register(registry);
        latency = Timer.builder("linkops.redirect.latency")
                .description("time to resolve a code, from lookup to the Location")
                .publishPercentileHistogram()
                .register(registry);
    }

    public void redirected(Outcome outcome, String branch, long startedNanos) {
        counter(outcome, branch).increment();
        latency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    public void unknown(boolean snapshotLoaded, long startedNanos) {
        if (!snapshotLoaded) {
            unknownBeforeSnapshot.increment();
        }
        redirected(Outcome.UNKNOWN_CODE, "fallback", startedNanos);
    }

    private Counter counter(Outcome outcome, String branch) {
        Map<String, Counter> byBranch = byOutcome.get(outcome);
        Counter counter = byBranch.get(branch);
        if (counter == null) {
            String label = byBranch.size() >= MAX_BRANCHES_PER_OUTCOME ? "other" : branch;
            counter = byBranch.computeIfAbsent(label, l -> Counter.builder(REDIRECTS)
                    .description("redirects served, by outcome and branch")
                    .tag("outcome", outcome.name().toLowerCase())
                    .tag("branch", l)
                    .register(registry));
        }
        return counter;
    }

    /** For tests: how many redirects of this outcome were counted so far. */
    public double count(Outcome outcome) {
        double total = 0;
        for (Counter c : byOutcome.get(outcome).values()) {
            total += c.count();
        }
        return total;
    }
}
