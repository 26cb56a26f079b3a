package dev.linkops.alerting.domain.alerts;

import dev.linkops.alerting.domain.notify.NotificationService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A weekly e-mail per team of its open, overdue and recently resolved exceptions, for the cross-team review. */
@ApplicationScoped
public class WeeklyDigest {

    @Inject
    NotificationService notifications;

    @Inject
    Clock clock;

    @Scheduled(cron = "${linkops.alerting.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        send(clock.instant());
    }

    /** @return the teams a digest was written for */
    @Transactional
    public List<String> send(Instant now) {
        Instant weekAgo = now.minus(Duration.ofDays(7));
        List<Alert> relevant = Alert.list("team is not null and (status <> ?1 or resolvedAt >= ?2) "
                + "order by team, deadline", AlertStatus.RESOLVED, weekAgo);
        Map<String, StringBuilder[]> byTeam = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (Alert a : relevant) {
            StringBuilder[] sections = byTeam.computeIfAbsent(a.team,
                    t -> new StringBuilder[]{new StringBuilder(), new StringBuilder(), new StringBuilder()});
            int[] c = counts.computeIfAbsent(a.team, t -> new int[3]);
            String line = "  - " + a.severity + " " + a.type + " " + a.subject + " (owner " + a.owner + ", deadline "
                    + a.deadline + ")\n";
            if (a.status == AlertStatus.RESOLVED) {
                sections[2].append(line.replace(")\n", ", resolved: " + a.resolution + ")\n"));
                c[2]++;
            } else if (a.deadline.isBefore(now)) {
                sections[1].append(line);
                c[1]++;
            } else {
                sections[0].append(line);
                c[0]++;
            }
        }
        for (var e : byTeam.entrySet()) {
            int[] c = counts.get(e.getKey());
            String body = "Weekly LinkOps exceptions for team " + e.getKey() + " (week to " + now + ")\n\n"
                    + "Overdue (" + c[1] + "):\n" + e.getValue()[1]
                    + "\nOpen, within deadline (" + c[0] + "):\n" + e.getValue()[0]
                    + "\nResolved this week (" + c[2] + "):\n" + e.getValue()[2];
            notifications.toTeam(e.getKey(), "[LinkOps weekly] " + e.getKey() + ": " + c[1] + " overdue, " + c[0]
                    + " open, " + c[2] + " resolved", body, now);
        }
        return List.copyOf(byTeam.keySet());
    }
}
