package dev.linkops.alerting.domain.signals;

import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.alerting.domain.links.LinkIndex;
import dev.linkops.alerting.domain.links.PromotedLink;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts non-bot clicks per link in tumbling windows and raises: a live link sending a large share
 * of its clicks to a fallback or waitlist; an expired or paused link still being clicked.
 */
@ApplicationScoped
public class ClickAlerts {

    @Inject
    AlertingConfig config;

    @Inject
    LinkIndex links;

    @Inject
    AlertService alerts;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(ClickRecorded click) {
        if (click.bot() || click.linkId() == null || click.at() == null) {
            return; // bots are excluded from thresholds (DESIGN §4); orphan clicks have no owner
        }
        Optional<PromotedLink> link = links.find(click.linkId());
        if (link.isEmpty()) {
            return;
        }
        long windowMillis = config.clicks().window().toMillis();
        Instant start = Instant.ofEpochMilli(click.at().toEpochMilli() / windowMillis * windowMillis);
        ClickWindow.Key key = new ClickWindow.Key(click.linkId(), start);
        ClickWindow w = ClickWindow.getEntityManager().find(ClickWindow.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            w = new ClickWindow();
            w.key = key;
            w.persist();
        }
        String outcome = click.outcome() == null ? "ROUTED" : click.outcome();
        boolean inactive = outcome.equals("EXPIRED") || outcome.equals("PAUSED");
        boolean fallback = !outcome.equals("ROUTED") || click.destinationType() == DestinationType.WAITLIST;
        w.total++;
        if (fallback) {
            w.fallback++;
        }
        if (inactive) {
            w.inactive++;
        }
        evaluate(link.get(), w, outcome);
    }

    private void evaluate(PromotedLink link, ClickWindow w, String outcome) {
        AlertingConfig.Clicks c = config.clicks();
        if (link.status == LinkStatus.LIVE && w.total >= c.minClicks()) {
            double share = (double) w.fallback / w.total;
            String subject = "link " + link.code;
            if (share >= c.fallbackShare()) {
                alerts.raise(new AlertCondition(AlertType.FALLBACK_SHARE, Severity.MEDIUM, subject, link.owner,
                        link.team, link.linkId, link.primarySku, facts(link, w, share)));
            } else if (w.total == c.minClicks() || w.total % c.minClicks() == 0) {
                alerts.clear(AlertType.FALLBACK_SHARE, subject, String.format(
                        "fallback/waitlist share down to %.0f%% of %d clicks since %s", share * 100, w.total,
                        w.key.windowStart));
            }
        }
        if ((outcome.equals("EXPIRED") || outcome.equals("PAUSED")) && w.inactive >= c.inactiveClicks()) {
            Map<String, Object> facts = facts(link, w, (double) w.fallback / w.total);
            facts.put("outcome", outcome);
            alerts.raise(new AlertCondition(AlertType.INACTIVE_LINK_CLICKED, Severity.LOW, "link " + link.code,
                    link.owner, link.team, link.linkId, link.primarySku, facts));
        }
    }

    private Map<String, Object> facts(PromotedLink link, ClickWindow w, double share) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("linkId", link.linkId.toString());
        facts.put("code", link.code);
        facts.put("linkStatus", link.status.name());
        facts.put("windowStart", w.key.windowStart.toString());
        facts.put("window", config.clicks().window().toString());
        facts.put("clicks", w.total);
        facts.put("fallbackClicks", w.fallback);
        facts.put("inactiveClicks", w.inactive);
        facts.put("fallbackShare", Math.round(share * 1000) / 1000.0);
        return facts;
    }
}
