package dev.linkops.alerting.domain.notify;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.audit.DestinationGuard;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends pending notifications after commit: e-mail over SMTP to addresses resolved in Keycloak at
 * send time, and signed webhooks. A failed send is retried with exponential backoff; a webhook that
 * keeps failing is disabled (and shows as such in /api/subscriptions).
 */
@ApplicationScoped
public class NotificationDispatcher {
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 50;

    @Inject
    AlertingConfig config;

    @Inject
    Mailer mailer;

    @Inject
    OwnerDirectory directory;

    @Inject
    Clock clock;

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private HttpClient http;
    private DestinationGuard webhookGuard;

    void start(@Observes StartupEvent ignored) {
        http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.notifications().webhookTimeout())
                .build();
        webhookGuard = new DestinationGuard(config.audit().allowPrivateAddresses(), null);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notification-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long every = Duration.parse("PT" + config.notifications().dispatchEvery().toUpperCase()).toMillis();
        executor.scheduleWithFixedDelay(this::dispatchQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationService.Queued ignored) {
        wakeUp();
    }

    public void wakeUp() {
        if (executor != null && scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                dispatchQuietly();
            });
        }
    }

    private void dispatchQuietly() {
        try {
            dispatchDue();
        } catch (Exception e) {
            LOG.warnf("notification pass failed, retrying on the next pass: %s", e.toString());
        }
    }

    /** Sends everything due now; returns how many were attempted. Public so tests can drive it. */
    public int dispatchDue() {
        // The Keycloak admin client is request scoped: one per pass, shared by the sends of the pass.
        io.quarkus.arc.ManagedContext request = io.quarkus.arc.Arc.container().requestContext();
        if (request.isActive()) {
            return dispatchBatch();
        }
        request.activate();
        try {
            return dispatchBatch();
        } finally {
            request.terminate();
        }
    }

    private int dispatchBatch() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>find(
                        "status = ?1 and nextAttemptAt <= ?2 order by createdAt", Notification.Status.PENDING,
                        clock.instant()).page(0, BATCH).list().stream().map(n -> n.id).toList());
        for (UUID id : due) {
            QuarkusTransaction.requiringNew().timeout(60).run(() -> attempt(id));
        }
        return due.size();
    }

    private void attempt(UUID id) {
        Notification n = Notification.getEntityManager().find(Notification.class, id,
                LockModeType.PESSIMISTIC_WRITE);
        if (n == null || n.status != Notification.Status.PENDING) {
            return; // another replica sent it meanwhile
        }
        Instant now = clock.instant();
        Subscription subscription = n.subscriptionId == null ? null : Subscription.findById(n.subscriptionId);
        try {
            if (n.channel == Subscription.Channel.WEBHOOK) {
                sendWebhook(n, subscription, now);
            } else {
                sendEmail(n);
            }
            n.status = Notification.Status.SENT;
            n.sentAt = now;
            n.attempts++;
            n.lastError = null;
            if (subscription != null) {
                subscription.consecutiveFailures = 0;
            }
        } catch (Permanent e) {
            n.attempts++;
            n.status = Notification.Status.FAILED;
            n.lastError = e.getMessage();
            LOG.warnf("notification %s dropped: %s", n.id, e.getMessage());
        } catch (RuntimeException e) {
            failed(n, subscription, e.getMessage() == null ? e.toString() : e.getMessage(), now);
        }
    }

    private void failed(Notification n, Subscription subscription, String error, Instant now) {
        n.attempts++;
        n.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (subscription != null) {
            subscription.consecutiveFailures++;
            if (subscription.consecutiveFailures >= config.notifications().disableWebhookAfter()) {
                subscription.disabled = true;
                subscription.disabledReason = "disabled after " + subscription.consecutiveFailures
                        + " failed deliveries in a row; last: " + n.lastError;
                n.status = Notification.Status.FAILED;
                LOG.warnf("webhook subscription %s disabled: %s", subscription.id, n.lastError);
                return;
            }
        }
        if (n.attempts >= config.notifications().maxAttempts()) {
            n.status = Notification.Status.FAILED;
            LOG.warnf("notification %s gave up after %d attempts: %s", n.id, n.attempts, n.lastError);
            return;
        }
        long backoffMillis = config.notifications().initialBackoff().toMillis() << Math.min(n.attempts - 1, 16);
        n.nextAttemptAt = now.plusMillis(backoffMillis);
    }

    private void sendEmail(Notification n) {
        List<String> to = switch (n.recipientKind) {
            case USER -> directory.emailOf(n.recipient).map(List::of).orElseGet(() -> ownerUnknown(n));
            case TEAM_MEMBERS -> {
                List<String> emails = directory.teamEmails(n.recipient);
                if (emails.isEmpty()) {
                    throw new Permanent("team " + n.recipient + " has no members with an e-mail");
                }
                yield emails;
            }
            case TEAM_ESCALATION -> {
                Optional<String> contact = n.recipient.isBlank() ? Optional.empty()
                        : directory.escalationEmailOf(n.recipient);
                yield List.of(contact.or(() -> config.escalation().fallbackEmail())
                        .orElseThrow(() -> new Permanent("team " + n.recipient
                                + " names no escalation contact and no fallback e-mail is configured")));
            }
            case SUBSCRIPTION -> throw new Permanent("not an e-mail recipient");
        };
        Mail mail = new Mail().setSubject(n.title).setText(n.body).setFrom(config.notifications().from());
        mail.setTo(to);
        mailer.send(mail);
    }

    /**
     * An alert must reach someone: when Keycloak holds no e-mail for its owner (left, renamed), it goes
     * to the team's escalation contact (or the fallback address) with a note saying why.
     */
    private List<String> ownerUnknown(Notification n) {
        dev.linkops.alerting.domain.alerts.Alert alert = n.alertId == null ? null
                : dev.linkops.alerting.domain.alerts.Alert.findById(n.alertId);
        Optional<String> contact = alert == null || alert.team == null ? Optional.empty()
                : directory.escalationEmailOf(alert.team);
        String to = contact.or(() -> config.escalation().fallbackEmail()).orElseThrow(() -> new Permanent(
                "Keycloak holds no e-mail for " + n.recipient + " and no escalation contact is known"));
        n.body = "Keycloak holds no e-mail for " + n.recipient + ", the owner; you receive this as the team's "
                + "escalation contact.\n\n" + n.body;
        return List.of(to);
    }

    private void sendWebhook(Notification n, Subscription s, Instant now) {
        if (s == null) {
            throw new Permanent("subscription is gone");
        }
        if (s.disabled) {
            throw new Permanent("subscription is disabled: " + s.disabledReason);
        }
        URI uri;
        try {
            uri = webhookGuard.check(s.url);
        } catch (DestinationGuard.Refused e) {
            throw new Permanent("webhook URL refused: " + e.getMessage());
        }
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.notifications().webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "LinkOps-Alerting/1.0")
                .header(WebhookSigner.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(s.secret, timestamp, n.payload))
                .header("X-LinkOps-Delivery", n.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(n.payload))
                .build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook answered HTTP " + response.statusCode());
        }
    }

    /** A failure that another attempt cannot fix. */
    static final class Permanent extends RuntimeException {
        Permanent(String message) {
            super(message);
        }
    }
}
