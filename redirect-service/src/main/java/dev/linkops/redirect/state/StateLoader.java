package dev.linkops.redirect.state;

import dev.linkops.redirect.config.RedirectConfig;
import dev.linkops.redirect.domain.AvailabilityTable;
import dev.linkops.redirect.domain.RoutingTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.linkops.redirect.messaging.Channels;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fills the tables at start (services first, the local file when they are down), reconciles with the
 * services periodically, and writes the local file when the state changed. Runs on its own thread so
 * start-up never waits for another service; readiness stays DOWN until one snapshot is in.
 *
 * <p>The event subscriptions are per instance: while this replica is detached from the broker, events
 * published meanwhile never reach it. So whenever both subscriptions are attached again (and after the
 * first attach, which may come after the first snapshot) the state is reconciled at once, not at the
 * next periodic pass.
 */
@ApplicationScoped
public class StateLoader {
    private static final Logger LOG = Logger.getLogger(StateLoader.class);
    private static final long RETRY_MILLIS = 2000;

    @Inject
    RedirectConfig config;
    @Inject
    ServiceSnapshots services;
    @Inject
    RoutingTable links;
    @Inject
    AvailabilityTable availability;
    @Inject
    StateStatus status;
    @Inject
    MeterRegistry registry;
    @Inject
    HealthCenter messaging;

    private ScheduledExecutorService executor;
    private boolean subscribed;

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("linkops.redirect.state.age", status, StateStatus::ageSeconds)
                .description("seconds since the routing state last heard from a snapshot or event")
                .baseUnit("seconds").register(registry);
        Gauge.builder("linkops.redirect.state.links", links, RoutingTable::size).register(registry);
        Gauge.builder("linkops.redirect.state.signals", availability, AvailabilityTable::size).register(registry);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redirect-state");
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::initialLoad);
        executor.scheduleWithFixedDelay(this::watchSubscriptions, 1, 1, TimeUnit.SECONDS);
        long write = config.snapshotWriteInterval().toMillis();
        if (write > 0) {
            executor.scheduleWithFixedDelay(this::writeFileIfChanged, write, write, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
            if (status.loaded()) {
                writeFileIfChanged();
            }
        }
    }

    private void initialLoad() {
        if (reconcile()) {
            scheduleReconcile(config.reconcileInterval().toMillis());
            return;
        }
        // A service that answered has already filled its part; the file fills the rest. Everything is
        // applied by version/sequence, so the file's older entries never replace what a service just gave.
        Path file = Path.of(config.snapshotFile());
        if (Files.isRegularFile(file)) {
            try {
                int[] counts = SnapshotFile.read(file, links::apply, availability::apply);
                status.loadedFrom(StateStatus.Source.FILE);
                LOG.infof("a service is unreachable: started from %s (%d links, %d signals) and what answered",
                        file, counts[0], counts[1]);
            } catch (Exception e) {
                LOG.errorf("cannot read snapshot file %s: %s", file, e.toString());
            }
        } else {
            LOG.warnf("services unreachable and no snapshot file at %s: not ready until a snapshot arrives", file);
        }
        // until the services answer once, retry soon; then at the configured interval
        scheduleReconcile(RETRY_MILLIS);
    }

    private void watchSubscriptions() {
        try {
            boolean now = subscriptionsAttached();
            if (now && !subscribed) {
                LOG.infof("event subscriptions attached: reconciling with the services for what they missed");
                reconcile();
            }
            subscribed = now;
        } catch (RuntimeException e) {
            LOG.debugf("subscription watch failed: %s", e.toString());
        }
    }

    /** Both incoming channels attached to the broker, as the AMQP connector's readiness reports them. */
    private boolean subscriptionsAttached() {
        int attached = 0;
        for (HealthReport.ChannelInfo channel : messaging.getReadiness().getChannels()) {
            if (channel.isOk() && (Channels.LINKS_IN.equals(channel.getChannel())
                    || Channels.AVAILABILITY_IN.equals(channel.getChannel()))) {
                attached++;
            }
        }
        return attached == 2;
    }

    private void scheduleReconcile(long delayMillis) {
        if (delayMillis <= 0 || executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            boolean ok = reconcile();
            scheduleReconcile(ok ? config.reconcileInterval().toMillis() : RETRY_MILLIS);
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads both services' snapshots and merges them in by version/sequence. Each source counts on its
     * own: with the registry down, fresh stock from availability still lands (and the other way round).
     *
     * @return whether both answered
     */
    public boolean reconcile() {
        boolean linksOk = reconcileLinks();
        boolean availabilityOk = reconcileAvailability();
        if (linksOk && availabilityOk) {
            status.loadedFrom(StateStatus.Source.SERVICES);
        }
        return linksOk && availabilityOk;
    }

    private boolean reconcileLinks() {
        long requestedAt = System.nanoTime();
        Set<String> codes = new HashSet<>();
        try {
            int[] applied = {0};
            int linkCount = services.links(link -> {
                if (link.code() != null) {
                    codes.add(link.code());
                }
                if (links.apply(link) == RoutingTable.Applied.APPLIED) {
                    applied[0]++;
                }
            });
            int removed = links.removeAbsent(codes, requestedAt);
            if (applied[0] + removed > 0) {
                status.changed();
            }
            LOG.debugf("reconciled links: %d listed, %d applied, %d codes no longer listed", linkCount, applied[0], removed);
            return true;
        } catch (Exception e) {
            failed("registry", e);
            return false;
        }
    }

    private boolean reconcileAvailability() {
        try {
            int[] applied = {0};
            int signalCount = services.availability(signal -> {
                if (availability.apply(signal)) {
                    applied[0]++;
                }
            });
            if (applied[0] > 0) {
                status.changed();
            }
            LOG.debugf("reconciled availability: %d signals, %d applied", signalCount, applied[0]);
            return true;
        } catch (Exception e) {
            failed("availability", e);
            return false;
        }
    }

    private void failed(String source, Exception e) {
        LOG.debugf("snapshot from %s failed: %s", source, e.toString());
        if (!status.loaded()) {
            LOG.warnf("snapshot from %s failed: %s", source, e.getMessage());
        }
    }

    void writeFileIfChanged() {
        if (!status.takeDirty()) {
            return;
        }
        Path file = Path.of(config.snapshotFile());
        try {
            SnapshotFile.write(file, links.links(), availability.events());
        } catch (Exception e) {
            status.markDirty();
            LOG.warnf("cannot write snapshot file %s: %s", file, e.toString());
        }
    }
}
