package dev.linkops.alerting.domain.notify;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.alerting.domain.audit.DestinationGuard;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions per person and team. Anyone may subscribe themselves; subscriptions for a team or
 * for someone else need operations or admin. Webhook URLs pass the same SSRF guard as audits.
 */
@ApplicationScoped
public class SubscriptionService {

    public record Caller(String name, Set<String> roles) {
        boolean isOperator() {
            return roles.contains("operations") || roles.contains("admin");
        }
    }

    public record NewSubscription(String kind, String subscriber, String channel, String url, String secret,
                                  List<String> alertTypes, String minSeverity) {
    }

    @Inject
    AlertingConfig config;

    @Inject
    Clock clock;

    @Transactional
    public Subscription create(NewSubscription req, Caller caller) {
        if (req == null) {
            throw ProblemException.invalid("/", "a JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Subscription.Kind kind = parse(Subscription.Kind.class, req.kind(), "/kind", Subscription.Kind.PERSON, errors);
        Subscription.Channel channel = parse(Subscription.Channel.class, req.channel(), "/channel", null, errors);
        Severity min = parse(Severity.class, req.minSeverity(), "/minSeverity", Severity.LOW, errors);
        String subscriber = req.subscriber() == null || req.subscriber().isBlank()
                ? (kind == Subscription.Kind.TEAM ? null : caller.name()) : req.subscriber().trim();
        if (subscriber == null) {
            errors.add(new FieldError("/subscriber", "is required for a team subscription (the Keycloak group name)"));
        } else if (subscriber.length() > 200) {
            errors.add(new FieldError("/subscriber", "must be at most 200 characters"));
        }
        String types = null;
        if (req.alertTypes() != null && !req.alertTypes().isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < req.alertTypes().size(); i++) {
                AlertType t = parse(AlertType.class, req.alertTypes().get(i), "/alertTypes/" + i, null, errors);
                if (t != null) {
                    names.add(t.name());
                }
            }
            types = String.join(",", names);
        }
        if (channel == Subscription.Channel.WEBHOOK) {
            if (req.url() == null || req.url().isBlank()) {
                errors.add(new FieldError("/url", "is required for a webhook"));
            } else {
                try {
                    new DestinationGuard(config.audit().allowPrivateAddresses(), null).check(req.url());
                } catch (DestinationGuard.Refused e) {
                    errors.add(new FieldError("/url", e.getMessage()));
                }
            }
            if (req.secret() == null || req.secret().length() < 16) {
                errors.add(new FieldError("/secret", "is required for a webhook, at least 16 characters (HMAC key)"));
            }
        } else if (channel == Subscription.Channel.EMAIL && req.url() != null) {
            errors.add(new FieldError("/url", "only webhooks take a URL; e-mail goes to the address Keycloak holds"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean forSelf = kind == Subscription.Kind.PERSON && subscriber.equals(caller.name());
        if (!forSelf && !caller.isOperator()) {
            throw ProblemException.forbidden("only operations or admin may subscribe a team or someone else");
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.kind = kind;
        s.subscriber = subscriber;
        s.channel = channel;
        s.url = channel == Subscription.Channel.WEBHOOK ? req.url().trim() : null;
        s.secret = channel == Subscription.Channel.WEBHOOK ? req.secret() : null;
        s.alertTypes = types;
        s.minSeverity = min;
        s.createdBy = caller.name();
        s.createdAt = clock.instant();
        s.persist();
        return s;
    }

    /** Operators see every subscription; others their own. */
    public List<Subscription> list(Caller caller) {
        if (caller.isOperator()) {
            return Subscription.list("order by createdAt");
        }
        return Subscription.list("kind = ?1 and subscriber = ?2 order by createdAt", Subscription.Kind.PERSON,
                caller.name());
    }

    public Subscription get(UUID id, Caller caller) {
        Subscription s = Subscription.findById(id);
        if (s == null || !visible(s, caller)) {
            throw ProblemException.notFound("no subscription " + id);
        }
        return s;
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        get(id, caller).delete();
    }

    /** Re-enables a webhook that was disabled after repeated failures. */
    @Transactional
    public Subscription enable(UUID id, Caller caller) {
        Subscription s = get(id, caller);
        s.disabled = false;
        s.disabledReason = null;
        s.consecutiveFailures = 0;
        return s;
    }

    private static boolean visible(Subscription s, Caller caller) {
        return caller.isOperator() || (s.kind == Subscription.Kind.PERSON && s.subscriber.equals(caller.name()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, E fallback,
                                               List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(new FieldError(field, "is required; one of " + List.of(type.getEnumConstants())));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }
}
