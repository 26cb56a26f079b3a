package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.redirect.clicks.ClickBuffer;
import dev.linkops.redirect.config.RedirectConfig;
import dev.linkops.redirect.state.StateStatus;
import dev.linkops.routing.CompiledLink;
import dev.linkops.routing.QueryMerger;
import dev.linkops.routing.RouteDecision;
import dev.linkops.routing.UtmParameters;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Resolves one code to a redirect from memory only (DESIGN §4) and hands the click to the buffer.
 * Runs on the event loop: no I/O, no locks, and nothing thrown for a known code. It and the beans it
 * calls per request are {@code @Singleton}: no client proxy to look the instance up on every call.
 */
@Singleton
public class Redirector {
    private static final Logger LOG = Logger.getLogger(Redirector.class);

    @Inject
    RoutingTable links;
    @Inject
    AvailabilityTable availability;
    @Inject
    ClickBuffer clicks;
    @Inject
    RedirectMetrics metrics;
    @Inject
    StateStatus status;
    @Inject
    RedirectConfig config;

    private String clickIdParam;
    private String globalFallback;

    @PostConstruct
    void init() {
        clickIdParam = config.clickIdParam().isBlank() ? null : config.clickIdParam();
        globalFallback = config.globalFallbackUrl();
    }

    public Redirect resolve(String code, String rawQuery, Visitor visitor, Instant now) {
        long started = System.nanoTime();
        CompiledLink link = links.find(code);
        if (link == null) {
            return unknown(code, rawQuery, visitor, now, started);
        }
        UUID clickId = ClickIds.next();
        try {
            RouteDecision decision = link.route(availability, visitor.context(), now);
            String destination = decision.destination() != null ? decision.destination() : globalFallback;
            String location = QueryMerger.merge(destination, link.utm(), rawQuery,
                    link.clickIdEnabled() ? clickIdParam : null, clickId.toString());
            Outcome outcome = Outcome.of(decision.outcome());
            record(clickId, code, link, outcome, decision.branch(), decision, destination, visitor, now);
            metrics.redirected(outcome, decision.branch(), started);
            return new Redirect(link.redirectStatus(), location);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(code, link, clickId, visitor, now, started, e);
        }
    }

    /**
     * An orphan click still carries the shopper's parameters (gclid, fbclid, …; no link, so no utm_*) and
     * its click id to the global fallback: attribution survives a mistyped or retired code, and post-click
     * events can be joined to the orphan click.
     */
    private Redirect unknown(String code, String rawQuery, Visitor visitor, Instant now, long started) {
        UUID clickId = ClickIds.next();
        String location = QueryMerger.merge(globalFallback, (UtmParameters) null, rawQuery, clickIdParam,
                clickId.toString());
        clicks.offer(new ClickRecorded(clickId, code, null, 0, Outcome.UNKNOWN_CODE.name(),
                RouteDecision.FALLBACK_BRANCH, null, globalFallback, List.of(),
                visitor.context().device(), visitor.context().market(), visitor.context().language(),
                visitor.referrerHost(), visitor.bot(), now, visitor.key()));
        metrics.unknown(status.loaded(), started);
        return new Redirect(302, location);
    }

    /** Never a 5xx for a known code: the link's own fallback answers, counted apart. */
    private Redirect failed(String code, CompiledLink link, UUID clickId, Visitor visitor, Instant now,
                            long started, Throwable e) {
        LOG.errorf(e, "link %s version %d failed to route; serving its fallback", code, link.version());
        String destination = globalFallback;
        try {
            LinkPublished.Fallbacks fallbacks = link.link().fallbacks();
            // a template placeholder cannot be expanded here; the plain global fallback is better than a broken URL
            if (fallbacks != null && fallbacks.fallbackUrl() != null && fallbacks.fallbackUrl().indexOf('{') < 0) {
                destination = fallbacks.fallbackUrl();
            }
            record(clickId, code, link, Outcome.ERROR_FALLBACK, RouteDecision.FALLBACK_BRANCH, null, destination,
                    visitor, now);
        } catch (RuntimeException again) {
            LOG.debugf("click of failed redirect not recorded: %s", again);
        }
        metrics.redirected(Outcome.ERROR_FALLBACK, RouteDecision.FALLBACK_BRANCH, started);
        int status = link.redirectStatus() == 307 ? 307 : 302;
        return new Redirect(status, destination);
    }

    private void record(UUID clickId, String code, CompiledLink link, Outcome outcome, String branch,
                        RouteDecision decision, String destination, Visitor visitor, Instant now) {
        clicks.offer(new ClickRecorded(clickId, code, link.linkId(), link.version(), outcome.name(), branch,
                decision == null ? null : decision.destinationType(), destination,
                decision == null ? List.of() : decision.skus(),
                visitor.context().device(), visitor.context().market(), visitor.context().language(),
                visitor.referrerHost(), visitor.bot(), now, visitor.key()));
    }
}
