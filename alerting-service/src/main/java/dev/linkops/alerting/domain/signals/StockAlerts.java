package dev.linkops.alerting.domain.signals;

import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.alerting.domain.links.LinkIndex;
import dev.linkops.alerting.domain.links.PromotedLink;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the availability signal into alerts on promoted SKUs: one per (link, SKU, market) so each
 * reaches the link's owner. LOW and OUT_OF_STOCK raise; the alert resolves itself, with the reason,
 * when the SKU is back in stock. A signal older than what we hold (by sequence) is ignored.
 */
@ApplicationScoped
public class StockAlerts {
    public static final String PROMOTED_MARKET_WILDCARD = "*";

    @Inject
    LinkIndex links;

    @Inject
    AlertService alerts;

    @Inject
    FeedAlerts feeds;

    @Transactional(Transactional.TxType.MANDATORY)
    public void on(AvailabilityChanged e) {
        if (e.sku() == null || e.state() == null) {
            return;
        }
        String market = e.market() == null ? PROMOTED_MARKET_WILDCARD : e.market();
        SkuSignal held = SkuSignal.findById(new SkuSignal.Key(e.sku(), market));
        if (held != null && held.sequence >= e.sequence()) {
            return; // stale or repeated
        }
        if (held == null) {
            held = new SkuSignal();
            held.key = new SkuSignal.Key(e.sku(), market);
        }
        held.state = e.state();
        held.available = e.available();
        held.source = e.source();
        held.sequence = e.sequence();
        held.observedAt = e.observedAt();
        held.persist();

        if (e.source() != null) {
            feeds.delivered(e.source(), e.receivedAt());
        }
        for (PromotedLink link : links.liveLinksPromoting(e.sku(), market)) {
            evaluate(link, e, market);
        }
    }

    /** Re-checks a link against what we know of its SKUs (after it goes LIVE). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(PromotedLink link) {
        for (var s : links.skusOf(link.linkId)) {
            List<SkuSignal> signals = PROMOTED_MARKET_WILDCARD.equals(s.key.market)
                    ? SkuSignal.list("key.sku", s.key.sku)
                    : SkuSignal.list("key.sku = ?1 and key.market = ?2", s.key.sku, s.key.market);
            for (SkuSignal signal : signals) {
                evaluate(link, new AvailabilityChanged(signal.key.sku, signal.key.market, signal.state, null,
                        signal.available, null, null, signal.source, signal.observedAt, null, signal.sequence),
                        signal.key.market);
            }
        }
    }

    private void evaluate(PromotedLink link, AvailabilityChanged e, String market) {
        String subject = subject(link, e.sku(), market);
        boolean primary = e.sku().equals(link.primarySku);
        switch (e.state()) {
            case OUT_OF_STOCK -> {
                alerts.clear(AlertType.SKU_LOW, subject, "superseded: " + e.sku() + " is now out of stock");
                alerts.raise(condition(link, e, market, AlertType.SKU_OUT_OF_STOCK,
                        primary ? Severity.CRITICAL : Severity.HIGH));
            }
            case LOW -> {
                alerts.clear(AlertType.SKU_OUT_OF_STOCK, subject, reason(e, "partly restocked"));
                alerts.raise(condition(link, e, market, AlertType.SKU_LOW, primary ? Severity.HIGH : Severity.MEDIUM));
            }
            case IN_STOCK -> {
                alerts.clear(AlertType.SKU_OUT_OF_STOCK, subject, reason(e, "back in stock"));
                alerts.clear(AlertType.SKU_LOW, subject, reason(e, "back in stock"));
            }
            default -> {
                // BACKORDER and UNKNOWN say nothing new about an open stock alert; a stale feed has its own alert
            }
        }
    }

    public static String subject(PromotedLink link, String sku, String market) {
        return "link " + link.code + " / sku " + sku + " / market " + market;
    }

    private static String reason(AvailabilityChanged e, String what) {
        return what + ": " + e.sku() + " is " + e.state() + " with " + e.available() + " available"
                + Optional.ofNullable(e.source()).map(s -> " (source " + s + ")").orElse("");
    }

    private static AlertCondition condition(PromotedLink link, AvailabilityChanged e, String market, AlertType type,
                                            Severity severity) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("linkId", link.linkId.toString());
        facts.put("code", link.code);
        facts.put("linkVersion", link.version);
        facts.put("sku", e.sku());
        facts.put("primarySku", e.sku().equals(link.primarySku));
        facts.put("market", market);
        facts.put("state", e.state().name());
        facts.put("previousState", e.previousState() == null ? null : e.previousState().name());
        facts.put("available", e.available());
        facts.put("baseline", e.baseline());
        facts.put("source", e.source());
        facts.put("observedAt", e.observedAt() == null ? null : e.observedAt().toString());
        facts.put("sequence", e.sequence());
        return new AlertCondition(type, severity, subject(link, e.sku(), market), link.owner, link.team, link.linkId,
                e.sku(), facts);
    }
}
