package dev.linkops.registry.domain.links;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteCondition.StockCondition;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.registry.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a {@link LinkInput} into a {@link LinkSpec} or names every field that is wrong (JSON pointers
 * into the request body) and why.
 */
@ApplicationScoped
public class LinkValidator {
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
    static final Set<String> RESERVED_CODES = Set.of("api", "internal", "health", "metrics", "favicon");
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern MARKET = Pattern.compile("[A-Z]{2}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Pattern TEAM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    static final Set<String> UTM_KEYS = Set.of("source", "medium", "campaign", "content", "term");
    static final Set<String> DEVICES = Set.of("mobile", "tablet", "desktop");
    static final Set<String> STOCK_SELECTORS = Set.of("primary", "any", "all");
    static final Set<String> RESERVED_LABELS = Set.of("default", "fallback");
    static final int MAX_SKUS = 50;
    static final int MAX_MARKETS = 50;
    static final int MAX_RULES = 20;
    static final int MAX_VALUES = 50;
    static final int MAX_TEXT = 200;
    static final int MAX_NOTES = 4000;
    static final Duration DEFAULT_SIGNAL_AGE = Duration.ofMinutes(15);
    static final Duration MIN_SIGNAL_AGE = Duration.ofMinutes(1);
    static final Duration MAX_SIGNAL_AGE = Duration.ofHours(24);

    private final UrlPolicy urls;

    public LinkValidator(RegistryConfig config) {
        this.urls = new UrlPolicy(config.allowedHosts(), config.requireHttps());
    }

    /** Validates the short code a caller chose (uniqueness is the service's check). */
    public void checkCode(String code, Violations v) {
        if (!CODE.matcher(code).matches()) {
            v.add("/code", "must be 3-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        } else if (RESERVED_CODES.contains(code.toLowerCase(Locale.ROOT))) {
            v.add("/code", "is reserved; pick another code");
        }
    }

    /** @param defaultTeam used when the input names none */
    public LinkSpec validate(LinkInput in, String defaultTeam, Violations v) {
        String campaign = text(in.campaign(), "/campaign", true, MAX_TEXT, v);
        String channel = slug(in.channel(), "/channel", true, v);
        Purpose purpose = purpose(in.purpose(), v);
        String team = in.team() == null ? defaultTeam : in.team();
        if (team == null || !TEAM.matcher(team).matches()) {
            v.add("/team", "must be a team (Keycloak group) name: letters, digits, '.', '_' or '-'");
        }
        List<String> skus = distinctList(in.skus(), "/skus", SKU, MAX_SKUS,
                "must be a SKU: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'", v);
        for (int i = 0; i < skus.size(); i++) {
            if (STOCK_SELECTORS.contains(skus.get(i))) {
                v.add("/skus/" + i, "'" + skus.get(i) + "' is a rule keyword and cannot be a SKU");
            }
        }
        List<String> markets = distinctList(in.markets(), "/markets", MARKET, MAX_MARKETS,
                "must be an ISO 3166 alpha-2 country code in capitals, e.g. US", v);
        String language = pattern(in.language(), "/language", LANGUAGE, "must be an ISO 639-1 code in lower case, e.g. en", v);
        String currency = pattern(in.currency(), "/currency", CURRENCY, "must be an ISO 4217 code in capitals, e.g. USD", v);
        Map<String, Map<String, List<String>>> substitutions = substitutions(in.substitutions(), skus, markets, v);
        if (in.startsAt() != null && in.endsAt() != null && !in.startsAt().isBefore(in.endsAt())) {
            v.add("/endsAt", "must be after startsAt");
        }
        Map<String, String> utm = utm(in.utm(), v);

        boolean hasSkus = !skus.isEmpty();
        String destination = url(in.destination(), "/destination", true, hasSkus, v);
        DestinationType destinationType = destinationType(in.destinationType(), "/destinationType", v);
        String fallbackUrl = url(in.fallbackUrl(), "/fallbackUrl", true, hasSkus, v);
        String expiredUrl = url(in.expiredUrl(), "/expiredUrl", false, hasSkus, v);
        String pausedUrl = url(in.pausedUrl(), "/pausedUrl", false, hasSkus, v);
        List<RouteRule> rules = rules(in.rules(), skus, v);

        int redirectStatus = in.redirectStatus() == null ? 302 : in.redirectStatus();
        if (redirectStatus != 302 && redirectStatus != 307) {
            v.add("/redirectStatus", "must be 302 or 307; permanent redirects (301/308) get cached and stop stock-aware routing");
        }
        Duration maxSignalAge = signalAge(in.maxSignalAge(), v);
        String notes = text(in.notes(), "/notes", false, MAX_NOTES, v);
        return new LinkSpec(campaign, channel, purpose, team, skus, markets, language, currency, substitutions,
                in.startsAt(), in.endsAt(), utm, destination, destinationType, fallbackUrl, expiredUrl, pausedUrl,
                rules, redirectStatus, maxSignalAge, in.clickId() == null || in.clickId(), notes);
    }

    private static String text(String value, String field, boolean required, int max, Violations v) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(field, "is required");
            }
            return value == null || value.isBlank() ? null : value;
        }
        if (value.length() > max) {
            v.add(field, "must be at most " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < ' ' && c != '\n' && c != '\t')) {
            v.add(field, "must not contain control characters");
        }
        return value.strip();
    }

    private static String slug(String value, String field, boolean required, Violations v) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.add(field, "is required");
            }
            return null;
        }
        if (!SLUG.matcher(value).matches()) {
            v.add(field, "must be 1-40 lower-case letters, digits, '_' or '-', e.g. paid_search");
        }
        return value;
    }

    private static String pattern(String value, String field, Pattern pattern, String reason, Violations v) {
        if (value == null) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            v.add(field, reason);
        }
        return value;
    }

    private static Purpose purpose(String value, Violations v) {
        if (value == null || value.isBlank()) {
            v.add("/purpose", "is required: one of " + Arrays.toString(Purpose.values()));
            return null;
        }
        try {
            return Purpose.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            v.add("/purpose", "must be one of " + Arrays.toString(Purpose.values()));
            return null;
        }
    }

    private static DestinationType destinationType(String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            v.add(field, "is required: one of " + Arrays.toString(DestinationType.values()));
            return null;
        }
        try {
            return DestinationType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, "must be one of " + Arrays.toString(DestinationType.values()));
            return null;
        }
    }

    private static List<String> distinctList(List<String> values, String field, Pattern pattern, int max,
                                             String reason, Violations v) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            v.add(field, "must list at most " + max + " entries");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !pattern.matcher(value).matches()) {
                v.add(field + "/" + i, reason);
            } else if (!seen.add(value)) {
                v.add(field + "/" + i, "repeats " + value);
            }
        }
        return List.copyOf(values.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static Map<String, Map<String, List<String>>> substitutions(Map<String, Map<String, List<String>>> in,
                                                                      List<String> skus, List<String> markets,
                                                                      Violations v) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        in.forEach((market, bySku) -> {
            String field = "/substitutions/" + pointerToken(market);
            if (!markets.contains(market)) {
                v.add(field, "market " + market + " is not one of the link's markets " + markets);
                return;
            }
            Map<String, List<String>> copy = new TreeMap<>();
            (bySku == null ? Map.<String, List<String>>of() : bySku).forEach((sku, alternatives) -> {
                String skuField = field + "/" + pointerToken(sku);
                if (!skus.contains(sku)) {
                    v.add(skuField, "SKU " + sku + " is not one of the link's SKUs");
                    return;
                }
                List<String> alts = alternatives == null ? List.of() : alternatives;
                if (alts.isEmpty() || alts.size() > 10) {
                    v.add(skuField, "must list 1 to 10 substitute SKUs");
                }
                for (int i = 0; i < alts.size(); i++) {
                    if (alts.get(i) == null || !SKU.matcher(alts.get(i)).matches()) {
                        v.add(skuField + "/" + i, "must be a SKU");
                    } else if (alts.get(i).equals(sku)) {
                        v.add(skuField + "/" + i, "a SKU cannot substitute itself");
                    }
                }
                copy.put(sku, List.copyOf(alts.stream().filter(java.util.Objects::nonNull).toList()));
            });
            out.put(market, copy);
        });
        return out;
    }

    private static Map<String, String> utm(Map<String, String> in, Violations v) {
        if (in == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of("source", "medium", "campaign", "content", "term")) {
            String value = in.get(key);
            if (value == null) {
                continue;
            }
            String field = "/utm/" + key;
            if (value.isBlank()) {
                v.add(field, "must not be blank; leave it out instead");
            } else if (value.length() > MAX_TEXT) {
                v.add(field, "must be at most " + MAX_TEXT + " characters");
            } else if (value.chars().anyMatch(c -> c < ' ' || c == 0x7F)) {
                v.add(field, "must not contain control characters");
            } else {
                out.put(key, value);
            }
        }
        for (String key : in.keySet()) {
            if (!UTM_KEYS.contains(key)) {
                v.add("/utm/" + pointerToken(key), "is not a UTM parameter; use source, medium, campaign, content or term");
            }
        }
        return out;
    }

    private String url(String value, String field, boolean required, boolean hasSkus, Violations v) {
        if (value == null) {
            if (required) {
                v.add(field, "is required");
            }
            return null;
        }
        urls.check(value, field, hasSkus, v);
        return value;
    }

    private static Duration signalAge(String value, Violations v) {
        if (value == null) {
            return DEFAULT_SIGNAL_AGE;
        }
        try {
            Duration age = Duration.parse(value);
            if (age.compareTo(MIN_SIGNAL_AGE) < 0 || age.compareTo(MAX_SIGNAL_AGE) > 0) {
                v.add("/maxSignalAge", "must be between PT1M and PT24H");
            }
            return age;
        } catch (DateTimeParseException e) {
            v.add("/maxSignalAge", "must be an ISO-8601 duration such as PT15M");
            return DEFAULT_SIGNAL_AGE;
        }
    }

    private List<RouteRule> rules(List<RouteRule> rules, List<String> skus, Violations v) {
        if (rules == null) {
            return List.of();
        }
        if (rules.size() > MAX_RULES) {
            v.add("/rules", "must have at most " + MAX_RULES + " branches");
            return List.of();
        }
        Set<String> labels = new HashSet<>();
        List<RouteCondition> earlier = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String field = "/rules/" + i;
            RouteRule rule = rules.get(i);
            if (rule == null) {
                v.add(field, "must be a branch {label, when, then}");
                continue;
            }
            if (rule.label() == null || !LABEL.matcher(rule.label()).matches()) {
                v.add(field + "/label", "is required: 1-40 letters, digits, '_' or '-'");
            } else if (RESERVED_LABELS.contains(rule.label())) {
                v.add(field + "/label", "'" + rule.label() + "' names the link's own default or fallback; pick another label");
            } else if (!labels.add(rule.label())) {
                v.add(field + "/label", "repeats the label " + rule.label() + "; labels name report rows and must be unique");
            }
            condition(rule.when(), field + "/when", skus, v);
            int same = earlier.indexOf(rule.when());
            if (rule.when() != null && same >= 0) {
                v.add(field + "/when", "can never match: /rules/" + same + " has the same conditions and comes first");
            }
            earlier.add(rule.when());
            if (rule.then() == null) {
                v.add(field + "/then", "is required: {destination, destinationType}");
            } else {
                url(rule.then().destination(), field + "/then/destination", true, !skus.isEmpty(), v);
                if (rule.then().destinationType() == null) {
                    v.add(field + "/then/destinationType", "is required: one of " + Arrays.toString(DestinationType.values()));
                }
            }
        }
        return List.copyOf(rules);
    }

    private static void condition(RouteCondition when, String field, List<String> skus, Violations v) {
        if (when == null || (when.stock() == null && when.device() == null && when.market() == null
                && when.language() == null && when.segment() == null && when.time() == null)) {
            v.add(field, "needs at least one condition; a branch that always matches belongs in the default destination");
            return;
        }
        values(when.device(), field + "/device", s -> DEVICES.contains(s), "must be mobile, tablet or desktop", v);
        values(when.market(), field + "/market", s -> MARKET.matcher(s).matches(), "must be an ISO 3166 alpha-2 code in capitals", v);
        values(when.language(), field + "/language", s -> LANGUAGE.matcher(s).matches(), "must be an ISO 639-1 code in lower case", v);
        values(when.segment(), field + "/segment", s -> LABEL.matcher(s).matches(), "must be 1-40 letters, digits, '_' or '-'", v);
        if (when.time() != null) {
            if (when.time().from() == null && when.time().to() == null) {
                v.add(field + "/time", "needs from, to or both");
            } else if (when.time().from() != null && when.time().to() != null && !when.time().from().isBefore(when.time().to())) {
                v.add(field + "/time/to", "must be after from");
            }
        }
        if (when.stock() != null) {
            stock(when.stock(), field + "/stock", skus, v);
        }
    }

    private static void values(List<String> values, String field, java.util.function.Predicate<String> ok,
                               String reason, Violations v) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            v.add(field, "must not be empty; leave it out to match every value");
        } else if (values.size() > MAX_VALUES) {
            v.add(field, "must list at most " + MAX_VALUES + " values");
        }
        for (int i = 0; i < values.size() && i < MAX_VALUES; i++) {
            if (values.get(i) == null || !ok.test(values.get(i))) {
                v.add(field + "/" + i, reason);
            }
        }
    }

    private static void stock(StockCondition stock, String field, List<String> skus, Violations v) {
        String sku = stock.sku();
        if (sku == null || sku.isBlank()) {
            v.add(field + "/sku", "is required: primary, any, all or one of the link's SKUs");
        } else if (STOCK_SELECTORS.contains(sku)) {
            if (skus.isEmpty()) {
                v.add(field + "/sku", "'" + sku + "' needs the link to list SKUs");
            }
        } else if (!skus.contains(sku)) {
            v.add(field + "/sku", "SKU " + sku + " is not one of the link's SKUs " + skus);
        }
        int kinds = (stock.state() != null ? 1 : 0) + (stock.availableAtMost() != null ? 1 : 0)
                + (stock.percentOfBaselineAtMost() != null ? 1 : 0);
        if (kinds != 1) {
            v.add(field, "set exactly one of state, availableAtMost or percentOfBaselineAtMost");
            return;
        }
        if (stock.state() != null && (stock.state().isEmpty() || stock.state().contains(null))) {
            v.add(field + "/state", "must list at least one of " + Arrays.toString(StockState.values()));
        }
        if (stock.availableAtMost() != null && stock.availableAtMost() < 0) {
            v.add(field + "/availableAtMost", "must be 0 or more");
        }
        if (stock.percentOfBaselineAtMost() != null
                && (stock.percentOfBaselineAtMost() < 0 || stock.percentOfBaselineAtMost() > 100)) {
            v.add(field + "/percentOfBaselineAtMost", "must be between 0 and 100");
        }
    }

    static String pointerToken(String key) {
        return key == null ? "null" : key.replace("~", "~0").replace("/", "~1");
    }
}
