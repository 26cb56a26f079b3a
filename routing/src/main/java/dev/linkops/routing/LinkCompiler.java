package dev.linkops.routing;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteCondition.StockCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates a published link version and builds its {@link CompiledLink}. */
final class LinkCompiler {

    static final Duration DEFAULT_MAX_SIGNAL_AGE = Duration.ofMinutes(15);

    private static final Set<String> DEVICES = Set.of(
            DeviceClassifier.MOBILE, DeviceClassifier.TABLET, DeviceClassifier.DESKTOP);

    private final LinkPublished link;
    private final List<String> linkSkus;
    /** The link's SKUs, then SKUs named only by conditions, in order of first mention. */
    private final List<String> snapshotSkus;

    private LinkCompiler(LinkPublished link) {
        this.link = link;
        this.linkSkus = skus(link.skus());
        this.snapshotSkus = new ArrayList<>(linkSkus);
    }

    static CompiledLink compile(LinkPublished link) {
        if (link == null) {
            throw new InvalidRouteTreeException("link", "is required");
        }
        return new LinkCompiler(link).compile();
    }

    private CompiledLink compile() {
        if (link.status() == null) {
            throw new InvalidRouteTreeException("status", "is required");
        }
        if (link.startsAt() != null && link.endsAt() != null && !link.startsAt().isBefore(link.endsAt())) {
            throw new InvalidRouteTreeException("endsAt", "must be after startsAt");
        }
        Duration maxSignalAge = link.maxSignalAge() == null ? DEFAULT_MAX_SIGNAL_AGE : link.maxSignalAge();
        if (maxSignalAge.isNegative()) {
            throw new InvalidRouteTreeException("maxSignalAge", "must not be negative");
        }
        String[] markets = markets(link.markets(), "markets");
        DestinationTemplate defaultTarget = target(link.destination(), "destination");

        List<RouteRule> rules = link.rules() == null ? List.of() : link.rules();
        CompiledRule[] compiledRules = new CompiledRule[rules.size()];
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < compiledRules.length; i++) {
            compiledRules[i] = rule(rules.get(i), "rules[" + i + "]", labels);
        }

        LinkPublished.Fallbacks fallbacks = link.fallbacks();
        DestinationTemplate fallbackUrl = null;
        DestinationTemplate expiredUrl = null;
        DestinationTemplate pausedUrl = null;
        if (fallbacks != null) {
            fallbackUrl = optionalUrl(fallbacks.fallbackUrl(), "fallbacks.fallbackUrl");
            expiredUrl = optionalUrl(fallbacks.expiredUrl(), "fallbacks.expiredUrl");
            pausedUrl = optionalUrl(fallbacks.pausedUrl(), "fallbacks.pausedUrl");
        }

        int redirectStatus = link.redirectStatus() == 0 ? 302 : link.redirectStatus();
        if (redirectStatus != 302 && redirectStatus != 307) {
            throw new InvalidRouteTreeException("redirectStatus", "must be 302 or 307; permanent redirects would be cached");
        }
        return new CompiledLink(link, markets, snapshotSkus.toArray(String[]::new), maxSignalAge.toMillis(),
                compiledRules, defaultTarget, fallbackUrl, expiredUrl, pausedUrl,
                UtmParameters.of(link.utm()), redirectStatus);
    }

    private static List<String> skus(List<String> skus) {
        if (skus == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            if (sku == null || sku.isBlank()) {
                throw new InvalidRouteTreeException("skus[" + i + "]", "must not be blank");
            }
            if (!seen.add(sku)) {
                throw new InvalidRouteTreeException("skus[" + i + "]", "repeats " + sku);
            }
        }
        return skus;
    }

    /** Markets are ISO 3166 alpha-2 and normalised to upper case, the spelling signals are keyed by. */
    private static String[] markets(List<String> markets, String field) {
        if (markets == null) {
            return new String[0];
        }
        String[] normalised = new String[markets.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < normalised.length; i++) {
            String market = markets.get(i);
            if (market == null || market.length() != 2
                    || !isAsciiLetter(market.charAt(0)) || !isAsciiLetter(market.charAt(1))) {
                throw new InvalidRouteTreeException(field + "[" + i + "]", "must be an ISO 3166 alpha-2 country code");
            }
            normalised[i] = market.toUpperCase(Locale.ROOT);
            if (!seen.add(normalised[i])) {
                throw new InvalidRouteTreeException(field + "[" + i + "]", "repeats " + market);
            }
        }
        return normalised;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private CompiledRule rule(RouteRule rule, String field, Set<String> labels) {
        if (rule == null) {
            throw new InvalidRouteTreeException(field, "is required");
        }
        String label = rule.label();
        if (label == null || label.isBlank()) {
            throw new InvalidRouteTreeException(field + ".label", "is required");
        }
        if (label.equals(RouteDecision.DEFAULT_BRANCH) || label.equals(RouteDecision.FALLBACK_BRANCH)) {
            throw new InvalidRouteTreeException(field + ".label", "'" + label + "' is reserved for reports");
        }
        if (!labels.add(label)) {
            throw new InvalidRouteTreeException(field + ".label", "repeats " + label + "; reports count clicks per label");
        }
        DestinationTemplate target = target(rule.then(), field + ".then");
        return new CompiledRule(label, conditions(rule.when(), field + ".when"), target, rule.then().destinationType());
    }

    /** Request checks first: they are cheaper than stock checks and usually more selective. */
    private Check[] conditions(RouteCondition when, String field) {
        if (when == null) {
            return new Check[0];
        }
        List<Check> conditions = new ArrayList<>(6);
        if (when.device() != null) {
            String[] devices = values(when.device(), field + ".device");
            for (int i = 0; i < devices.length; i++) {
                if (!DEVICES.contains(devices[i].toLowerCase(Locale.ROOT))) {
                    throw new InvalidRouteTreeException(field + ".device[" + i + "]", "must be mobile, tablet or desktop");
                }
            }
            conditions.add(new ContextCheck(ContextCheck.Field.DEVICE, devices));
        }
        if (when.market() != null) {
            values(when.market(), field + ".market");
            conditions.add(new ContextCheck(ContextCheck.Field.MARKET, markets(when.market(), field + ".market")));
        }
        if (when.language() != null) {
            conditions.add(new ContextCheck(ContextCheck.Field.LANGUAGE, values(when.language(), field + ".language")));
        }
        if (when.segment() != null) {
            conditions.add(new ContextCheck(ContextCheck.Field.SEGMENT, values(when.segment(), field + ".segment")));
        }
        RouteCondition.TimeWindow time = when.time();
        if (time != null && (time.from() != null || time.to() != null)) {
            if (time.from() != null && time.to() != null && !time.from().isBefore(time.to())) {
                throw new InvalidRouteTreeException(field + ".time.to", "must be after time.from");
            }
            conditions.add(new TimeCheck(time.from(), time.to()));
        }
        if (when.stock() != null) {
            conditions.add(stock(when.stock(), field + ".stock"));
        }
        return conditions.toArray(Check[]::new);
    }

    /** An empty list would make the branch unreachable; the author meant to leave the part out. */
    private static String[] values(List<String> values, String field) {
        if (values.isEmpty()) {
            throw new InvalidRouteTreeException(field, "must not be empty; leave it out to match every value");
        }
        String[] copy = new String[values.size()];
        for (int i = 0; i < copy.length; i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                throw new InvalidRouteTreeException(field + "[" + i + "]", "must not be blank");
            }
            copy[i] = value;
        }
        return copy;
    }

    private Check stock(StockCondition stock, String field) {
        String sku = stock.sku();
        if (sku == null || sku.isBlank()) {
            throw new InvalidRouteTreeException(field + ".sku", "is required: primary, any, all or a SKU");
        }
        int index = switch (sku) {
            case "primary" -> 0;
            case "any" -> StockCheck.ANY;
            case "all" -> StockCheck.ALL;
            default -> snapshotIndex(sku);
        };
        if (linkSkus.isEmpty() && (sku.equals("primary") || sku.equals("any") || sku.equals("all"))) {
            throw new InvalidRouteTreeException(field + ".sku", "'" + sku + "' needs the link to have SKUs");
        }
        int kinds = (stock.state() != null ? 1 : 0) + (stock.availableAtMost() != null ? 1 : 0)
                + (stock.percentOfBaselineAtMost() != null ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidRouteTreeException(field, "set exactly one of state, availableAtMost, percentOfBaselineAtMost");
        }
        int linkSkuCount = linkSkus.size();
        if (stock.state() != null) {
            if (stock.state().isEmpty()) {
                throw new InvalidRouteTreeException(field + ".state", "must list at least one state");
            }
            for (int i = 0; i < stock.state().size(); i++) {
                // List.of(...).contains(null) throws, so look one by one
                if (stock.state().get(i) == null) {
                    throw new InvalidRouteTreeException(field + ".state[" + i + "]", "must not be null");
                }
            }
            return StockCheck.stateIn(index, linkSkuCount, stock.state());
        }
        if (stock.availableAtMost() != null) {
            if (stock.availableAtMost() < 0) {
                throw new InvalidRouteTreeException(field + ".availableAtMost", "must not be negative");
            }
            return StockCheck.availableAtMost(index, linkSkuCount, stock.availableAtMost());
        }
        if (stock.percentOfBaselineAtMost() < 0) {
            throw new InvalidRouteTreeException(field + ".percentOfBaselineAtMost", "must not be negative");
        }
        return StockCheck.percentOfBaselineAtMost(index, linkSkuCount, stock.percentOfBaselineAtMost());
    }

    private int snapshotIndex(String sku) {
        int index = snapshotSkus.indexOf(sku);
        if (index < 0) {
            snapshotSkus.add(sku);
            index = snapshotSkus.size() - 1;
        }
        return index;
    }

    private DestinationTemplate target(RouteTarget target, String field) {
        if (target == null) {
            throw new InvalidRouteTreeException(field, "is required");
        }
        if (target.destinationType() == null) {
            throw new InvalidRouteTreeException(field + ".destinationType", "is required");
        }
        return url(target.destination(), field + ".destination");
    }

    private DestinationTemplate optionalUrl(String url, String field) {
        return url == null || url.isBlank() ? null : url(url, field);
    }

    private DestinationTemplate url(String url, String field) {
        if (url == null || url.isBlank()) {
            throw new InvalidRouteTreeException(field, "is required");
        }
        if (!url.regionMatches(true, 0, "https://", 0, 8) && !url.regionMatches(true, 0, "http://", 0, 7)) {
            throw new InvalidRouteTreeException(field, "must be an absolute http or https URL");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                throw new InvalidRouteTreeException(field, "must not contain spaces or control characters (index " + i + ")");
            }
        }
        boolean usesSku = DestinationTemplate.usesSku(url);
        if (usesSku && linkSkus.isEmpty()) {
            throw new InvalidRouteTreeException(field, "uses {sku} but the link has no SKUs");
        }
        return DestinationTemplate.compile(url, usesSku ? linkSkus.get(0) : null);
    }
}
