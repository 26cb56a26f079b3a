package dev.linkops.registry.domain.lifecycle;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Moves links whose window opened or closed; row locks keep replicas from moving one link twice. */
@ApplicationScoped
public class LifecycleScheduler {
    private static final Logger LOG = Logger.getLogger(LifecycleScheduler.class);

    private final LifecycleService lifecycle;

    public LifecycleScheduler(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${linkops.registry.lifecycle-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int moved = lifecycle.advance(Instant.now());
        if (moved > 0) {
            LOG.infof("lifecycle: %d link(s) changed status", moved);
        }
    }
}
