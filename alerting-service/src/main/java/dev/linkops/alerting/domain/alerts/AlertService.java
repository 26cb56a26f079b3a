package dev.linkops.alerting.domain.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.notify.NotificationService;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.AlertRaised;
import dev.linkops.contracts.events.v1.AlertResolved;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.platform.outbox.Outbox;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alerts with owner, deadline and lifecycle. One open alert per (type, subject): a condition seen
 * again updates the facts of the open alert instead of raising another; a condition that clears
 * resolves it with the reason; one that comes back soon after clearing reopens the same alert
 * without a new e-mail (flapping).
 */
@ApplicationScoped
public class AlertService {
    public static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(AlertService.class);

    @Inject
    PolicyService policies;

    @Inject
    Outbox outbox;

    @Inject
    NotificationService notifications;

    @Inject
    AlertingConfig config;

    @Inject
    Clock clock;

    public record Caller(String name, Set<String> roles) {
        boolean isOperator() {
            return roles.contains("operations") || roles.contains("admin");
        }
    }

    /** @return the open alert for the condition (new, reopened or already there) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Alert raise(AlertCondition c) {
        Instant now = clock.instant();
        Optional<Alert> open = openAlert(c.type(), c.subject());
        if (open.isPresent()) {
            Alert a = open.get();
            a.facts = json(c.facts());
            if (c.severity().compareTo(a.severity) > 0) {
                a.severity = c.severity(); // worse news raises the severity but keeps the deadline
            }
            return a;
        }
        Alert recent = Alert.<Alert>find("type = ?1 and subject = ?2 and status = ?3 and resolvedBy = ?4 "
                        + "and resolvedAt > ?5 order by resolvedAt desc", c.type(), c.subject(), AlertStatus.RESOLVED,
                SYSTEM, now.minus(config.flapping().suppressWithin())).firstResult();
        if (recent != null) {
            recent.status = AlertStatus.OPEN;
            recent.reopenCount++;
            recent.resolvedAt = null;
            recent.resolvedBy = null;
            recent.resolution = null;
            recent.facts = json(c.facts());
            LOG.infof("alert %s %s reopened (flapping, #%d), no new notification", c.type(), c.subject(),
                    recent.reopenCount);
            publishRaised(recent);
            return recent;
        }
        Alert a = new Alert();
        a.id = UUID.randomUUID();
        a.type = c.type();
        a.severity = c.severity();
        a.subject = c.subject();
        a.owner = c.owner();
        a.team = c.team();
        a.linkId = c.linkId();
        a.sku = c.sku();
        a.facts = json(c.facts());
        a.status = AlertStatus.OPEN;
        a.raisedAt = now;
        a.deadline = now.plus(policies.effective(c.type(), c.severity()).respondWithin());
        a.persist();
        publishRaised(a);
        notifications.alertChanged(a, NotificationService.Change.RAISED, now);
        return a;
    }

    /** The condition behind (type, subject) cleared: resolve its open alert, if any, with the reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Alert> clear(AlertType type, String subject, String reason) {
        Optional<Alert> open = openAlert(type, subject);
        open.ifPresent(a -> close(a, SYSTEM, reason));
        return open;
    }

    /** Resolves every open alert of the given types about a link (e.g. it was retired). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int clearForLink(UUID linkId, List<AlertType> types, String reason) {
        List<Alert> open = Alert.list("linkId = ?1 and status <> ?2 and type in ?3", linkId, AlertStatus.RESOLVED, types);
        open.forEach(a -> close(a, SYSTEM, reason));
        return open.size();
    }

    public Optional<Alert> openAlert(AlertType type, String subject) {
        return Alert.find("type = ?1 and subject = ?2 and status <> ?3", type, subject, AlertStatus.RESOLVED)
                .firstResultOptional();
    }

    @Transactional
    public Alert acknowledge(UUID id, Caller caller) {
        Alert a = mayHandle(id, caller);
        switch (a.status) {
            case OPEN -> {
                a.status = AlertStatus.ACKNOWLEDGED;
                a.acknowledgedAt = clock.instant();
                a.acknowledgedBy = caller.name();
            }
            case ACKNOWLEDGED -> {
                // acknowledging twice changes nothing
            }
            case RESOLVED -> throw ProblemException.conflict("alert " + id + " is already resolved",
                    Map.of("alertStatus", a.status.name()));
        }
        return a;
    }

    @Transactional
    public Alert resolve(UUID id, Caller caller, String reason) {
        Alert a = mayHandle(id, caller);
        if (a.status == AlertStatus.RESOLVED) {
            throw ProblemException.conflict("alert " + id + " is already resolved",
                    Map.of("alertStatus", a.status.name(), "resolution", String.valueOf(a.resolution)));
        }
        if (reason != null && reason.length() > 1000) {
            throw ProblemException.invalid("/reason", "must be at most 1000 characters");
        }
        close(a, caller.name(), reason == null || reason.isBlank() ? "resolved by " + caller.name() : reason.trim());
        return a;
    }

    public Alert get(UUID id) {
        Alert a = Alert.findById(id);
        if (a == null) {
            throw ProblemException.notFound("no alert " + id);
        }
        return a;
    }

    public List<Alert> search(String status, String owner, String team, String type) {
        List<dev.linkops.platform.problem.FieldError> errors = new ArrayList<>();
        AlertStatus s = status == null || status.isBlank() ? null
                : PolicyService.parseEnum(AlertStatus.class, status, "/status", errors);
        AlertType t = type == null || type.isBlank() ? null
                : PolicyService.parseEnum(AlertType.class, type, "/type", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors); // fields name the query parameters
        }
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (s != null) {
            q.append(" and status = :status");
            p.and("status", s);
        }
        if (t != null) {
            q.append(" and type = :type");
            p.and("type", t);
        }
        if (owner != null && !owner.isBlank()) {
            q.append(" and owner = :owner");
            p.and("owner", owner);
        }
        if (team != null && !team.isBlank()) {
            q.append(" and team = :team");
            p.and("team", team);
        }
        return Alert.find(q.toString(), Sort.descending("raisedAt"), p).page(0, 500).list();
    }

    private Alert mayHandle(UUID id, Caller caller) {
        Alert a = get(id);
        if (!caller.isOperator() && (a.owner == null || !a.owner.equals(caller.name()))) {
            throw ProblemException.forbidden("only operations, admin or the alert's owner (" + a.owner
                    + ") may change this alert");
        }
        return a;
    }

    private void close(Alert a, String by, String reason) {
        Instant now = clock.instant();
        a.status = AlertStatus.RESOLVED;
        a.resolvedAt = now;
        a.resolvedBy = by;
        a.resolution = reason;
        outbox.publish(Addresses.ALERTS, new AlertResolved(a.id, a.type.name(), a.subject, reason, by, now));
        notifications.alertChanged(a, NotificationService.Change.RESOLVED, now);
    }

    private void publishRaised(Alert a) {
        outbox.publish(Addresses.ALERTS, new AlertRaised(a.id, a.type.name(), a.severity.name(), a.subject, a.owner,
                a.team, a.deadline, a.linkId, a.sku, clock.instant()));
    }

    static String json(Map<String, Object> facts) {
        try {
            return EventCodec.mapper().writeValueAsString(facts == null ? Map.of() : new LinkedHashMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts not serialisable", e);
        }
    }
}
