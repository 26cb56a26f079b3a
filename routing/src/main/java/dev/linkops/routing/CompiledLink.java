package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One link version compiled for evaluation (DESIGN §3). Immutable and safe to share between threads;
 * {@link #route} takes no locks, throws nothing for a valid input and allocates only what its decision
 * carries.
 */
public final class CompiledLink {

    /**
     * The version this was compiled from, rebuilt from shared parts (lists, templates, rules and
     * strings equal to another link's are the same instances), so keeping it costs one small object
     * per link; the redirect writes its local snapshot file from it.
     */
    private final LinkPublished link;
    private final String[] markets;
    private final String[] skus;
    private final SkuAtClick[] missing;
    private final long maxSignalAgeMillis;
    private final CompiledRule[] rules;
    private final DestinationTemplate defaultTarget;
    private final DestinationTemplate fallbackUrl;
    private final DestinationTemplate expiredUrl;
    private final DestinationTemplate pausedUrl;
    private final UtmParameters utm;
    private final int redirectStatus;

    /** @param missing per SKU, the "no signal" entry a click records, so a missing signal allocates nothing */
    CompiledLink(LinkPublished link, String[] markets, String[] skus, SkuAtClick[] missing, long maxSignalAgeMillis,
                 CompiledRule[] rules, DestinationTemplate defaultTarget,
                 DestinationTemplate fallbackUrl, DestinationTemplate expiredUrl, DestinationTemplate pausedUrl,
                 UtmParameters utm, int redirectStatus) {
        this.link = link;
        this.markets = markets;
        this.skus = skus;
        this.missing = missing;
        this.maxSignalAgeMillis = maxSignalAgeMillis;
        this.rules = rules;
        this.defaultTarget = defaultTarget;
        this.fallbackUrl = fallbackUrl;
        this.expiredUrl = expiredUrl != null ? expiredUrl : fallbackUrl;
        this.pausedUrl = pausedUrl != null ? pausedUrl : fallbackUrl;
        this.utm = utm;
        this.redirectStatus = redirectStatus;
    }

    /**
     * Validates and precompiles a link version. The registry calls this before it publishes, so a
     * version the redirect receives has already compiled once.
     *
     * @throws InvalidRouteTreeException naming the first offending field
     */
    public static CompiledLink compile(LinkPublished link) {
        return LinkCompiler.compile(link);
    }

    /**
     * Decides where one request goes.
     *
     * <p>Lifecycle first: EXPIRED, or LIVE/PAUSED at or after endsAt, answers EXPIRED (an ended
     * campaign is over even if someone paused it); then PAUSED; then DRAFT, SCHEDULED, ARCHIVED or
     * before startsAt answer NOT_LIVE. A LIVE link inside [startsAt, endsAt) walks its rules in order;
     * the first whose conditions all hold wins, else the default destination.
     *
     * <p>Signals are read for the stock market: the request's market when it is one of the link's,
     * else the link's first market, else null. Every outcome carries the SKUs' signals for the click
     * record, including fallbacks.
     */
    public RouteDecision route(AvailabilityView availability, RequestContext request, Instant now) {
        String stockMarket = stockMarket(request.market());
        StockSnapshot stock = StockSnapshot.take(skus, missing, availability, stockMarket, now, maxSignalAgeMillis);
        String templateMarket = stockMarket != null ? stockMarket : request.market();
        String templateLanguage = request.language() != null ? request.language() : link.language();

        RouteOutcome lifecycle = lifecycle(now);
        if (lifecycle != RouteOutcome.ROUTED) {
            DestinationTemplate url = switch (lifecycle) {
                case EXPIRED -> expiredUrl;
                case PAUSED -> pausedUrl;
                default -> fallbackUrl;
            };
            String destination = url == null ? null : url.expand(templateMarket, templateLanguage);
            return new RouteDecision(lifecycle, RouteDecision.FALLBACK_BRANCH, null, destination, stock.seenList());
        }
        for (CompiledRule rule : rules) {
            if (rule.matches(request, now, stock)) {
                return new RouteDecision(RouteOutcome.ROUTED, rule.label, rule.destinationType,
                        rule.target.expand(templateMarket, templateLanguage), stock.seenList());
            }
        }
        return new RouteDecision(RouteOutcome.ROUTED, RouteDecision.DEFAULT_BRANCH, link.destination().destinationType(),
                defaultTarget.expand(templateMarket, templateLanguage), stock.seenList());
    }

    private RouteOutcome lifecycle(Instant now) {
        LinkStatus status = link.status();
        Instant endsAt = link.endsAt();
        switch (status) {
            case EXPIRED:
                return RouteOutcome.EXPIRED;
            case LIVE:
            case PAUSED:
                if (endsAt != null && !now.isBefore(endsAt)) {
                    return RouteOutcome.EXPIRED;
                }
                if (status == LinkStatus.PAUSED) {
                    return RouteOutcome.PAUSED;
                }
                return link.startsAt() != null && now.isBefore(link.startsAt()) ? RouteOutcome.NOT_LIVE : RouteOutcome.ROUTED;
            default:
                return RouteOutcome.NOT_LIVE;
        }
    }

    private String stockMarket(String requestMarket) {
        if (markets.length == 0) {
            return null;
        }
        if (requestMarket != null) {
            for (String market : markets) {
                if (market.equalsIgnoreCase(requestMarket)) {
                    return market;
                }
            }
        }
        return markets[0];
    }

    /** The published version this was compiled from. */
    public LinkPublished link() {
        return link;
    }

    public UUID linkId() {
        return link.linkId();
    }

    public String code() {
        return link.code();
    }

    public long version() {
        return link.version();
    }

    /** The link's UTM parameters, encoded once for {@link QueryMerger}. */
    public UtmParameters utm() {
        return utm;
    }

    /** Whether the redirect appends its click id parameter. */
    public boolean clickIdEnabled() {
        return link.clickId();
    }

    /** 302 or 307 (an unset status in the event means 302). */
    public int redirectStatus() {
        return redirectStatus;
    }
}
