package dev.linkops.alerting.domain.links;

import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.signals.StockAlerts;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.contracts.events.v1.LinkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Applies link events to the index and to the alerts that depend on a link being live. */
@ApplicationScoped
public class LinkChanges {

    /** Fired when a link version went LIVE; audits observe it after commit. */
    public record WentLive(UUID linkId, long version) {
    }

    static final List<AlertType> LIVE_ONLY = List.of(AlertType.SKU_LOW, AlertType.SKU_OUT_OF_STOCK,
            AlertType.FALLBACK_SHARE, AlertType.AUDIT_FAILED, AlertType.PAGE_MISMATCH);

    @Inject
    LinkIndex index;

    @Inject
    AlertService alerts;

    @Inject
    StockAlerts stock;

    @Inject
    Event<WentLive> wentLive;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(LinkPublished e) {
        if (!index.apply(e, clock.instant())) {
            return;
        }
        PromotedLink link = index.find(e.linkId()).orElseThrow();
        if (link.status == LinkStatus.LIVE) {
            alerts.clearForLink(link.linkId, List.of(AlertType.INACTIVE_LINK_CLICKED), "link is live again (version "
                    + link.version + ")");
            stock.evaluate(link);
            wentLive.fire(new WentLive(link.linkId, link.version));
        } else {
            alerts.clearForLink(link.linkId, LIVE_ONLY, "link is no longer live (" + link.status + ", version "
                    + link.version + ")");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(LinkRetired e) {
        if (!index.apply(e, clock.instant())) {
            return;
        }
        List<AlertType> all = List.of(AlertType.values());
        alerts.clearForLink(e.linkId(), all, "link retired" + (e.reason() == null ? "" : ": " + e.reason()));
    }
}
