package dev.linkops.alerting.domain.alerts;

import dev.linkops.alerting.domain.notify.NotificationService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An unacknowledged alert past its deadline is escalated: marked, and the team's escalation contact
 * is told; repeated every policy interval until someone acknowledges or it resolves.
 */
@ApplicationScoped
public class EscalationService {
    private static final Logger LOG = Logger.getLogger(EscalationService.class);

    @Inject
    PolicyService policies;

    @Inject
    NotificationService notifications;

    @Inject
    Clock clock;

    @Scheduled(every = "${linkops.alerting.escalation.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        escalateDue(clock.instant());
    }

    /** @return how many alerts were escalated at {@code now} */
    @Transactional
    public int escalateDue(Instant now) {
        List<Alert> overdue = Alert.list("status = ?1 and deadline <= ?2", AlertStatus.OPEN, now);
        int escalated = 0;
        for (Alert a : overdue) {
            if (a.lastEscalatedAt != null
                    && a.lastEscalatedAt.plus(policies.effective(a.type, a.severity).repeatEvery()).isAfter(now)) {
                continue;
            }
            a.escalated = true;
            a.escalationCount++;
            a.lastEscalatedAt = now;
            // sent now (wall clock), even when the pass is asked about another instant
            notifications.alertChanged(a, NotificationService.Change.ESCALATED, clock.instant());
            LOG.infof("alert %s %s escalated (#%d) to team %s", a.type, a.subject, a.escalationCount, a.team);
            escalated++;
        }
        return escalated;
    }
}
