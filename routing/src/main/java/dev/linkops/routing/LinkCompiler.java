package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteCondition.StockCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a published link version and builds its {@link CompiledLink}. Every part a link holds on
 * to goes through {@link Dedup}: links generated from the same template share their SKU lists,
 * templates, rules and strings instead of each holding a copy (DESIGN §7: ~335 bytes per link).
 */
final class LinkCompiler {

    static final Duration DEFAULT_MAX_SIGNAL_AGE = Duration.ofMinutes(15);

    private static final Set<String> DEVICES = Set.of(
            DeviceClassifier.MOBILE, DeviceClassifier.TABLET, DeviceClassifier.DESKTOP);

    private static final String[] NO_STRINGS = {};
    private static final Check[] NO_CHECKS = {};
    private static final Dedup<String> STRINGS = Dedup.ofValues(16);
    private static final Dedup<Object> VALUES = Dedup.ofValues(16);
    private static final Dedup<Object[]> ARRAYS = Dedup.ofArrays(15);

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
        UtmParameters utm = shared(UtmParameters.of(link.utm(), STRINGS::canonical));
        String[] skus = strings(snapshotSkus.toArray(String[]::new));
        SkuAtClick[] missing = new SkuAtClick[skus.length];
        for (int i = 0; i < skus.length; i++) {
            missing[i] = new SkuAtClick(skus[i], StockState.UNKNOWN, null, null);
        }
        return new CompiledLink(sharedSource(), markets, skus, shared(missing), maxSignalAge.toMillis(),
                shared(compiledRules), defaultTarget, fallbackUrl, expiredUrl, pausedUrl, utm, redirectStatus);
    }

    /** The event with every part another link may hold too replaced by the shared instance. */
    private LinkPublished sharedSource() {
        return new LinkPublished(link.linkId(), link.code(), link.version(), link.status(),
                sharedList(link.skus()), sharedList(link.markets()), STRINGS.canonical(link.language()),
                shared(link.startsAt()), shared(link.endsAt()), shared(link.destination()),
                sharedRules(link.rules()),
                shared(link.fallbacks()), sharedUtm(link.utm()), link.redirectStatus(), shared(link.maxSignalAge()),
                link.clickId(), STRINGS.canonical(link.owner()), STRINGS.canonical(link.team()),
                STRINGS.canonical(link.campaign()), STRINGS.canonical(link.channel()));
    }

    /** Only for values that are immutable themselves (records of strings, enums, Instants, compiled parts). */
    @SuppressWarnings("unchecked")
    private static <T> T shared(T value) {
        return (T) VALUES.canonical(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] shared(T[] array) {
        return (T[]) ARRAYS.canonical(array);
    }

    private static String[] strings(String[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = STRINGS.canonical(values[i]);
        }
        return shared(values);
    }

    /** Validated lists hold no nulls, so the shared copy can be an immutable one the caller cannot change. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> sharedList(List<T> list) {
        return (List<T>) VALUES.canonical(list, held -> List.copyOf((List<?>) held));
    }

    /** UTM values may be null (they are left out), which Map.copyOf refuses. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> sharedUtm(Map<String, String> utm) {
        return (Map<String, String>) VALUES.canonical(utm,
                held -> Collections.unmodifiableMap(new LinkedHashMap<>((Map<?, ?>) held)));
    }

    @SuppressWarnings("unchecked")
    private static List<RouteRule> sharedRules(List<RouteRule> rules) {
        return (List<RouteRule>) VALUES.canonical(rules, held -> immutableRules((List<RouteRule>) held));
    }

    /** Conditions hold lists too; a validated tree has no null elements in them. */
    private static List<RouteRule> immutableRules(List<RouteRule> rules) {
        List<RouteRule> copy = new ArrayList<>(rules.size());
        for (RouteRule rule : rules) {
            RouteCondition when = rule.when();
            if (when != null) {
                StockCondition stock = when.stock() == null ? null : new StockCondition(when.stock().sku(),
                        copy(when.stock().state()), when.stock().availableAtMost(), when.stock().percentOfBaselineAtMost());
                when = new RouteCondition(stock, copy(when.device()), copy(when.market()), copy(when.language()),
                        copy(when.segment()), when.time());
            }
            copy.add(new RouteRule(rule.label(), when, rule.then()));
        }
        return List.copyOf(copy);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
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
            return NO_STRINGS;
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
        return strings(normalised);
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
        return shared(new CompiledRule(STRINGS.canonical(label), conditions(rule.when(), field + ".when"), target,
                rule.then().destinationType()));
    }

    /** Request checks first: they are cheaper than stock checks and usually more selective. */
    private Check[] conditions(RouteCondition when, String field) {
        if (when == null) {
            return NO_CHECKS;
        }
        List<Check> conditions = new ArrayList<>(6);
        if (when.device() != null) {
            String[] devices = values(when.device(), field + ".device");
            for (int i = 0; i < devices.length; i++) {
                if (!DEVICES.contains(devices[i].toLowerCase(Locale.ROOT))) {
                    throw new InvalidRouteTreeException(field + ".device[" + i + "]", "must be mobile, tablet or desktop");
                }
            }
            conditions.add(shared(new ContextCheck(ContextCheck.Field.DEVICE, strings(devices))));
        }
        if (when.market() != null) {
            values(when.market(), field + ".market");
            conditions.add(shared(new ContextCheck(ContextCheck.Field.MARKET, markets(when.market(), field + ".market"))));
        }
        if (when.language() != null) {
            conditions.add(shared(new ContextCheck(ContextCheck.Field.LANGUAGE, strings(values(when.language(), field + ".language")))));
        }
        if (when.segment() != null) {
            conditions.add(shared(new ContextCheck(ContextCheck.Field.SEGMENT, strings(values(when.segment(), field + ".segment")))));
        }
        RouteCondition.TimeWindow time = when.time();
        if (time != null && (time.from() != null || time.to() != null)) {
            if (time.from() != null && time.to() != null && !time.from().isBefore(time.to())) {
                throw new InvalidRouteTreeException(field + ".time.to", "must be after time.from");
            }
            conditions.add(shared(new TimeCheck(time.from(), time.to())));
        }
        if (when.stock() != null) {
            conditions.add(shared(stock(when.stock(), field + ".stock")));
        }
        return shared(conditions.toArray(Check[]::new));
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
        return shared(DestinationTemplate.compile(url, usesSku ? linkSkus.get(0) : null, STRINGS::canonical));
    }
}
