package dev.linkops.alerting.domain.signals;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.contracts.events.v1.FeedStale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A feed that missed its interval raises an alert for its owner; its next delivery resolves it. */
@ApplicationScoped
public class FeedAlerts {

    @Inject
    AlertService alerts;

    @Inject
    AlertingConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(FeedStale e) {
        if (e.source() == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", e.source());
        facts.put("markets", e.markets());
        facts.put("lastBatchAt", e.lastBatchAt() == null ? null : e.lastBatchAt().toString());
        facts.put("expectedInterval", e.expectedInterval() == null ? null : e.expectedInterval().toString());
        facts.put("affectedSkus", e.affectedSkus());
        Severity severity = e.affectedSkus() > 0 ? Severity.HIGH : Severity.MEDIUM;
        alerts.raise(new AlertCondition(AlertType.FEED_STALE, severity, subject(e.source()),
                config.feeds().owners().get(e.source()), config.feeds().team(), null, null, facts));
    }

    /** Any availability received from the source means it delivers again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(String source, Instant receivedAt) {
        alerts.clear(AlertType.FEED_STALE, subject(source), "feed " + source + " delivered again"
                + (receivedAt == null ? "" : " at " + receivedAt));
    }

    static String subject(String source) {
        return "feed " + source;
    }
}
