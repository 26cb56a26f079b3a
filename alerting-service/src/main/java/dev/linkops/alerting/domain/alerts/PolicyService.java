package dev.linkops.alerting.domain.alerts;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Deadlines per alert type and severity: an explicit policy, else the configured default for the severity. */
@ApplicationScoped
public class PolicyService {

    public record Effective(AlertType type, Severity severity, Duration respondWithin, Duration repeatEvery,
                            boolean configured, String updatedBy, java.time.Instant updatedAt) {
    }

    @Inject
    AlertingConfig config;

    @Inject
    Clock clock;

    public Effective effective(AlertType type, Severity severity) {
        AlertPolicy p = AlertPolicy.findById(new AlertPolicy.Key(type, severity));
        if (p != null) {
            return new Effective(type, severity, Duration.ofSeconds(p.respondWithinSeconds),
                    Duration.ofSeconds(p.repeatEverySeconds), true, p.updatedBy, p.updatedAt);
        }
        AlertingConfig.Deadlines d = config.deadlines();
        Duration within = switch (severity) {
            case CRITICAL -> d.critical();
            case HIGH -> d.high();
            case MEDIUM -> d.medium();
            case LOW -> d.low();
        };
        return new Effective(type, severity, within, d.repeatEvery(), false, null, null);
    }

    /** Every (type, severity) with what applies to it now. */
    public List<Effective> all() {
        List<Effective> out = new ArrayList<>();
        for (AlertType t : AlertType.values()) {
            for (Severity s : Severity.values()) {
                out.add(effective(t, s));
            }
        }
        return out;
    }

    @Transactional
    public Effective put(String type, String severity, String respondWithin, String repeatEvery, String who) {
        List<FieldError> errors = new ArrayList<>();
        AlertType t = parseEnum(AlertType.class, type, "/type", errors);
        Severity s = parseEnum(Severity.class, severity, "/severity", errors);
        Duration within = parseDuration(respondWithin, "/respondWithin", true, errors);
        Duration repeat = parseDuration(repeatEvery, "/repeatEvery", false, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        AlertPolicy p = AlertPolicy.findById(new AlertPolicy.Key(t, s));
        if (p == null) {
            p = new AlertPolicy();
            p.key = new AlertPolicy.Key(t, s);
        }
        p.respondWithinSeconds = within.toSeconds();
        p.repeatEverySeconds = (repeat == null ? config.deadlines().repeatEvery() : repeat).toSeconds();
        p.updatedBy = who;
        p.updatedAt = clock.instant();
        p.persist();
        return effective(t, s);
    }

    @Transactional
    public void delete(String type, String severity) {
        List<FieldError> errors = new ArrayList<>();
        AlertType t = parseEnum(AlertType.class, type, "/type", errors);
        Severity s = parseEnum(Severity.class, severity, "/severity", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!AlertPolicy.deleteById(new AlertPolicy.Key(t, s))) {
            throw ProblemException.notFound("no policy for " + t + "/" + s + "; the default applies");
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required; one of " + List.of(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static Duration parseDuration(String value, String field, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required, an ISO-8601 duration such as PT4H"));
            }
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(90)) > 0) {
                errors.add(new FieldError(field, "must be positive and at most 90 days"));
                return null;
            }
            if (d.toSeconds() < 60) {
                errors.add(new FieldError(field, "must be at least one minute"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + value + "' is not an ISO-8601 duration such as PT4H"));
            return null;
        }
    }
}
