package dev.linkops.alerting.domain.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.alerts.Alert;
import dev.linkops.contracts.events.v1.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides who hears of an alert change and writes the messages in the caller's transaction; the
 * {@link NotificationDispatcher} sends them after commit.
 */
@ApplicationScoped
public class NotificationService {

    /** Fired after notifications were written; the dispatcher observes it after commit. */
    public record Queued() {
    }

    public enum Change { RAISED, ESCALATED, RESOLVED }

    @Inject
    AlertingConfig config;

    @Inject
    Event<Queued> queued;

    @Transactional(Transactional.TxType.MANDATORY)
    public void alertChanged(Alert alert, Change change, Instant now) {
        String title = title(alert, change);
        String body = body(alert, change);
        List<Notification> out = new ArrayList<>();
        switch (change) {
            case RAISED, RESOLVED -> {
                if (alert.owner != null) {
                    out.add(email(alert, Notification.RecipientKind.USER, alert.owner, title, body, now));
                } else if (alert.team != null) {
                    out.add(email(alert, Notification.RecipientKind.TEAM_ESCALATION, alert.team, title, body, now));
                }
            }
            case ESCALATED -> out.add(email(alert, Notification.RecipientKind.TEAM_ESCALATION,
                    alert.team == null ? "" : alert.team, title, body, now));
        }
        List<Subscription> subscriptions = Subscription.list("disabled = false and "
                + "((kind = ?1 and subscriber = ?2) or (kind = ?3 and subscriber = ?4))",
                Subscription.Kind.PERSON, String.valueOf(alert.owner), Subscription.Kind.TEAM, String.valueOf(alert.team));
        for (Subscription s : subscriptions) {
            if (!s.wants(alert.type.name(), alert.severity)) {
                continue;
            }
            if (s.channel == Subscription.Channel.WEBHOOK) {
                Notification n = base(alert, Subscription.Channel.WEBHOOK, Notification.RecipientKind.SUBSCRIPTION,
                        s.id.toString(), title, body, now);
                n.subscriptionId = s.id;
                n.payload = slackPayload(alert, change, title, body);
                out.add(n);
            } else if (s.kind == Subscription.Kind.TEAM) {
                out.add(email(alert, Notification.RecipientKind.TEAM_MEMBERS, s.subscriber, title, body, now));
            } else if (!s.subscriber.equals(alert.owner)) {
                out.add(email(alert, Notification.RecipientKind.USER, s.subscriber, title, body, now));
            }
        }
        for (Notification n : out) {
            n.persist();
        }
        if (!out.isEmpty()) {
            queued.fire(new Queued());
        }
    }

    /** A message to every member of a team, not about one alert (the weekly digest). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toTeam(String team, String title, String body, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.channel = Subscription.Channel.EMAIL;
        n.recipientKind = Notification.RecipientKind.TEAM_MEMBERS;
        n.recipient = team;
        n.title = title;
        n.body = body;
        n.status = Notification.Status.PENDING;
        n.nextAttemptAt = now;
        n.createdAt = now;
        n.persist();
        queued.fire(new Queued());
    }

    private Notification email(Alert alert, Notification.RecipientKind kind, String recipient, String title,
                               String body, Instant now) {
        return base(alert, Subscription.Channel.EMAIL, kind, recipient, title, body, now);
    }

    private static Notification base(Alert alert, Subscription.Channel channel, Notification.RecipientKind kind,
                                     String recipient, String title, String body, Instant now) {
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.alertId = alert.id;
        n.channel = channel;
        n.recipientKind = kind;
        n.recipient = recipient;
        n.title = title;
        n.body = body;
        n.status = Notification.Status.PENDING;
        n.attempts = 0;
        n.nextAttemptAt = now;
        n.createdAt = now;
        return n;
    }

    static String title(Alert alert, Change change) {
        String prefix = switch (change) {
            case RAISED -> "[LinkOps " + alert.severity + "]";
            case ESCALATED -> "[LinkOps ESCALATED " + alert.severity + "]";
            case RESOLVED -> "[LinkOps resolved]";
        };
        return prefix + " " + alert.type + " " + alert.subject;
    }

    private String body(Alert alert, Change change) {
        StringBuilder b = new StringBuilder();
        switch (change) {
            case RAISED -> b.append("A LinkOps alert needs your attention.\n\n");
            case ESCALATED -> b.append("This alert passed its deadline without being acknowledged (escalation #")
                    .append(alert.escalationCount).append(").\n\n");
            case RESOLVED -> b.append("This alert is resolved: ").append(alert.resolution).append("\n\n");
        }
        b.append("Type:     ").append(alert.type).append('\n')
                .append("Severity: ").append(alert.severity).append('\n')
                .append("Subject:  ").append(alert.subject).append('\n')
                .append("Owner:    ").append(alert.owner).append(" (team ").append(alert.team).append(")\n")
                .append("Deadline: ").append(alert.deadline).append('\n')
                .append("Status:   ").append(alert.status).append('\n')
                .append("Facts:    ").append(alert.facts).append("\n\n")
                .append("Acknowledge: POST ").append(config.notifications().publicUrl())
                .append("/api/alerts/").append(alert.id).append("/ack\n");
        return b.toString();
    }

    /** Slack incoming-webhook shape (text + attachment fields), plus the alert itself for machines. */
    private static String slackPayload(Alert alert, Change change, String title, String body) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("text", title);
        ArrayNode attachments = root.putArray("attachments");
        ObjectNode a = attachments.addObject();
        a.put("color", change == Change.RESOLVED ? "good" : switch (alert.severity) {
            case CRITICAL, HIGH -> "danger";
            default -> "warning";
        });
        a.put("fallback", title);
        ArrayNode fields = a.putArray("fields");
        field(fields, "Owner", String.valueOf(alert.owner));
        field(fields, "Team", String.valueOf(alert.team));
        field(fields, "Deadline", String.valueOf(alert.deadline));
        field(fields, "Status", String.valueOf(alert.status));
        ObjectNode data = root.putObject("alert");
        data.put("id", alert.id.toString());
        data.put("change", change.name());
        data.put("type", alert.type.name());
        data.put("severity", alert.severity.name());
        data.put("subject", alert.subject);
        data.put("owner", alert.owner);
        data.put("team", alert.team);
        data.put("deadline", String.valueOf(alert.deadline));
        data.put("status", alert.status.name());
        data.put("escalated", alert.escalated);
        return root.toString();
    }

    private static void field(ArrayNode fields, String title, String value) {
        ObjectNode f = fields.addObject();
        f.put("title", title);
        f.put("value", value);
        f.put("short", true);
    }
}
