package dev.linkops.alerting.domain.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.linkops.alerting.config.AlertingConfig;
import dev.linkops.alerting.domain.alerts.AlertCondition;
import dev.linkops.alerting.domain.alerts.AlertService;
import dev.linkops.alerting.domain.alerts.AlertType;
import dev.linkops.alerting.domain.alerts.Severity;
import dev.linkops.alerting.domain.links.LinkIndex;
import dev.linkops.alerting.domain.links.PromotedLink;
import dev.linkops.alerting.domain.signals.SkuSignal;
import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.outbox.Outbox;
import dev.linkops.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Destination audits: request every branch destination of a LIVE link (outside any transaction),
 * then record the results, publish DestinationChecked through the outbox and raise or clear
 * audit-failed and page-mismatch alerts, all in one transaction.
 */
@ApplicationScoped
public class AuditService {
    private static final Logger LOG = Logger.getLogger(AuditService.class);

    @Inject
    AlertingConfig config;

    @Inject
    LinkIndex links;

    @Inject
    AlertService alerts;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private PageFetcher fetcher;

    void start(@Observes StartupEvent ignored) {
        fetcher();
    }

    private synchronized PageFetcher fetcher() {
        if (fetcher == null) {
            AlertingConfig.Audit a = config.audit();
            fetcher = new PageFetcher(new DestinationGuard(a.allowPrivateAddresses(), a.allowedHosts()), a);
        }
        return fetcher;
    }

    private record Checked(AuditTargets.Target target, PageFetcher.Result result) {
    }

    public List<DestinationAudit> auditLink(UUID linkId) {
        PromotedLink link = QuarkusTransaction.requiringNew().call(() -> links.find(linkId).orElseThrow(
                () -> ProblemException.notFound("link " + linkId + " is not known to alerting (no LinkPublished seen)")));
        if (link.status != LinkStatus.LIVE) {
            throw ProblemException.conflict("link " + link.code + " is " + link.status + "; only LIVE links are audited",
                    Map.of("linkStatus", link.status.name()));
        }
        LinkPublished snapshot = LinkIndex.snapshotOf(link);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        List<Checked> checks = new ArrayList<>();
        for (AuditTargets.Target t : AuditTargets.of(snapshot, nonce)) {
            checks.add(new Checked(t, fetcher().fetch(t.url())));
        }
        UUID run = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> record(link, snapshot, run, checks));
    }

    /** @return how many links were audited */
    public int auditAllLive() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> links.liveLinks().stream().map(l -> l.linkId).toList());
        int done = 0;
        for (UUID id : ids) {
            try {
                auditLink(id);
                done++;
            } catch (RuntimeException e) {
                LOG.warnf("audit of link %s failed: %s", id, e.toString());
            }
        }
        return done;
    }

    /** The register: the latest check of every (link, branch), optionally for one link or only failing ones. */
    public List<DestinationAudit> latest(UUID linkId, Boolean ok) {
        StringBuilder q = new StringBuilder("checkedAt = (select max(b.checkedAt) from DestinationAudit b "
                + "where b.linkId = a.linkId and b.branch = a.branch)");
        Map<String, Object> p = new LinkedHashMap<>();
        if (linkId != null) {
            q.append(" and a.linkId = :linkId");
            p.put("linkId", linkId);
        }
        if (ok != null) {
            q.append(" and a.ok = :ok");
            p.put("ok", ok);
        }
        var query = DestinationAudit.getEntityManager().createQuery(
                "select a from DestinationAudit a where " + q + " order by a.code, a.branch", DestinationAudit.class);
        p.forEach(query::setParameter);
        return query.setMaxResults(1000).getResultList();
    }

    public DestinationAudit get(UUID id) {
        DestinationAudit a = DestinationAudit.findById(id);
        if (a == null) {
            throw ProblemException.notFound("no audit " + id);
        }
        return a;
    }

    private List<DestinationAudit> record(PromotedLink link, LinkPublished snapshot, UUID run, List<Checked> checks) {
        Instant now = clock.instant();
        Optional<SkuSignal> signal = signalOf(snapshot);
        List<DestinationAudit> out = new ArrayList<>();
        for (Checked c : checks) {
            PageFetcher.Result r = c.result();
            AuditTargets.Target t = c.target();
            StockState onPage = r.body() == null ? null : OfferAvailability.read(r.body()).orElse(null);
            List<String> missing = r.problem() == null ? AuditTargets.missing(r.finalUrl(), t.testParams()) : List.of();
            boolean paramsPreserved = r.problem() == null && missing.isEmpty();

            String failure = r.problem() != null ? r.problem()
                    : !missing.isEmpty() ? "parameters dropped on the way: " + String.join(", ", missing) : null;
            String mismatch = mismatch(t, onPage, signal);

            DestinationAudit a = new DestinationAudit();
            a.id = UUID.randomUUID();
            a.runId = run;
            a.linkId = link.linkId;
            a.linkVersion = link.version;
            a.code = link.code;
            a.branch = t.branch();
            a.url = t.url();
            a.finalUrl = r.finalUrl();
            a.httpStatus = r.finalStatus();
            a.hops = json(r.hops());
            a.paramsPreserved = paramsPreserved;
            a.availabilityOnPage = onPage == null ? null : onPage.name();
            a.signalState = signal.map(s -> s.state.name()).orElse(null);
            a.ok = failure == null && mismatch == null;
            a.problem = failure != null && mismatch != null ? failure + "; " + mismatch
                    : failure != null ? failure : mismatch;
            a.checkedAt = now;
            a.persist();
            out.add(a);

            outbox.publish(Addresses.AUDITS, new DestinationChecked(link.linkId, link.version, t.branch(), t.url(),
                    r.finalStatus(), r.finalUrl(), paramsPreserved, onPage, a.ok, a.problem, now));

            String subject = "link " + link.code + " / branch " + t.branch();
            Map<String, Object> facts = facts(link, a, r);
            if (failure != null) {
                Severity severity = "default".equals(t.branch()) ? Severity.HIGH : Severity.MEDIUM;
                alerts.raise(new AlertCondition(AlertType.AUDIT_FAILED, severity, subject, link.owner, link.team,
                        link.linkId, link.primarySku, facts));
            } else {
                alerts.clear(AlertType.AUDIT_FAILED, subject, "audit passed at " + now);
            }
            if (mismatch != null) {
                alerts.raise(new AlertCondition(AlertType.PAGE_MISMATCH, Severity.MEDIUM, subject, link.owner,
                        link.team, link.linkId, link.primarySku, facts));
            } else if (r.problem() == null) {
                alerts.clear(AlertType.PAGE_MISMATCH, subject, "page and signal agree at " + now);
            }
        }
        return out;
    }

    /** Only product pages are compared: a waitlist or category page saying "out of stock" is no contradiction. */
    private static String mismatch(AuditTargets.Target t, StockState onPage, Optional<SkuSignal> signal) {
        if (t.type() != DestinationType.PDP || onPage == null || signal.isEmpty()) {
            return null;
        }
        StockState s = signal.get().state;
        boolean pageSaysOut = onPage == StockState.OUT_OF_STOCK;
        boolean pageSaysIn = onPage == StockState.IN_STOCK || onPage == StockState.LOW;
        boolean signalSaysOut = s == StockState.OUT_OF_STOCK;
        boolean signalSaysIn = s == StockState.IN_STOCK || s == StockState.LOW;
        if ((pageSaysOut && signalSaysIn) || (pageSaysIn && signalSaysOut)) {
            return "page says " + onPage + " but the availability signal says " + s;
        }
        return null;
    }

    private static Optional<SkuSignal> signalOf(LinkPublished link) {
        if (link.skus() == null || link.skus().isEmpty()) {
            return Optional.empty();
        }
        String sku = link.skus().get(0);
        if (link.markets() != null && !link.markets().isEmpty()) {
            Optional<SkuSignal> s = SkuSignal.findByIdOptional(new SkuSignal.Key(sku, link.markets().get(0)));
            if (s.isPresent()) {
                return s;
            }
        }
        return SkuSignal.<SkuSignal>find("key.sku", sku).firstResultOptional();
    }

    private static Map<String, Object> facts(PromotedLink link, DestinationAudit a, PageFetcher.Result r) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("linkId", link.linkId.toString());
        facts.put("code", link.code);
        facts.put("linkVersion", link.version);
        facts.put("branch", a.branch);
        facts.put("url", a.url);
        facts.put("finalUrl", a.finalUrl);
        facts.put("httpStatus", a.httpStatus);
        facts.put("hops", r.hops().size());
        facts.put("paramsPreserved", a.paramsPreserved);
        facts.put("availabilityOnPage", a.availabilityOnPage);
        facts.put("signalState", a.signalState);
        facts.put("problem", a.problem);
        facts.put("auditId", a.id.toString());
        return facts;
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
