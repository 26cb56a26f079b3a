package dev.linkops.alerting.domain.audit;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.links.LinkChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Audits every LIVE link on a schedule (weekly by default) and each link when a version goes LIVE. */
@ApplicationScoped
public class AuditScheduler {
    private static final Logger LOG = Logger.getLogger(AuditScheduler.class);

    @Inject
    AuditService audits;

    @Inject
    AlertingConfig config;

    /** One audit at a time: audits are slow network work and must not crowd out the consumers. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "destination-audits");
        t.setDaemon(true);
        return t;
    });

    @Scheduled(cron = "${linkops.alerting.audit.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void weekly() {
        executor.execute(() -> LOG.infof("scheduled audit checked %d live links", audits.auditAllLive()));
    }

    void onLive(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkChanges.WentLive live) {
        if (config.audit().onPublish()) {
            submit(live.linkId());
        }
    }

    public void submit(UUID linkId) {
        executor.execute(() -> {
            try {
                audits.auditLink(linkId);
            } catch (RuntimeException e) {
                LOG.warnf("audit of link %s failed: %s", linkId, e.toString());
            }
        });
    }

    public void submitAll() {
        executor.execute(audits::auditAllLive);
    }

    void stop(@Observes ShutdownEvent ignored) {
        executor.shutdownNow();
    }
}
