package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.RouteCondition;
import dev.linkops.contracts.events.v1.RouteCondition.StockCondition;
import dev.linkops.contracts.events.v1.RouteCondition.TimeWindow;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders for published links, branches and availability used across the routing tests. */
final class TestLinks {

    static final Instant NOW = Instant.parse("2025-06-02T12:00:00Z");
    static final UUID LINK_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final String PDP = "https://shop.example/p/{sku}";
    static final String FALLBACK = "https://shop.example/";
    static final String EXPIRED = "https://shop.example/ended";
    static final String PAUSED = "https://shop.example/paused";

    static final RequestContext DESKTOP_DE = new RequestContext("desktop", "DE", "de", null);

    private TestLinks() {
    }

    static Link link() {
        return new Link();
    }

    static RouteRule rule(String label, RouteCondition when, String destination, DestinationType type) {
        return new RouteRule(label, when, new RouteTarget(destination, type));
    }

    static When when() {
        return new When();
    }

    static RouteCondition stock(String sku, StockState... states) {
        return when().stock(new StockCondition(sku, List.of(states), null, null)).build();
    }

    static RouteCondition availableAtMost(String sku, long most) {
        return when().stock(new StockCondition(sku, null, most, null)).build();
    }

    static RouteCondition percentOfBaselineAtMost(String sku, int percent) {
        return when().stock(new StockCondition(sku, null, null, percent)).build();
    }

    static RequestContext request(String device, String market, String language, String segment) {
        return new RequestContext(device, market, language, segment);
    }

    static Signals signals() {
        return new Signals();
    }

    /** A LinkPublished with sensible defaults: LIVE, no window, one SKU, markets DE and FR. */
    static final class Link {
        LinkStatus status = LinkStatus.LIVE;
        List<String> skus = List.of("SKU-1");
        List<String> markets = List.of("DE", "FR");
        String language = "de";
        Instant startsAt;
        Instant endsAt;
        RouteTarget destination = new RouteTarget(PDP, DestinationType.PDP);
        List<RouteRule> rules = new ArrayList<>();
        LinkPublished.Fallbacks fallbacks = new LinkPublished.Fallbacks(FALLBACK, EXPIRED, PAUSED);
        Map<String, String> utm = new LinkedHashMap<>();
        int redirectStatus = 302;
        Duration maxSignalAge;
        boolean clickId = true;

        Link status(LinkStatus value) {
            status = value;
            return this;
        }

        Link skus(String... values) {
            skus = List.of(values);
            return this;
        }

        Link skus(List<String> values) {
            skus = values;
            return this;
        }

        Link markets(String... values) {
            markets = List.of(values);
            return this;
        }

        Link markets(List<String> values) {
            markets = values;
            return this;
        }

        Link language(String value) {
            language = value;
            return this;
        }

        Link window(Instant from, Instant to) {
            startsAt = from;
            endsAt = to;
            return this;
        }

        Link destination(String url, DestinationType type) {
            destination = new RouteTarget(url, type);
            return this;
        }

        Link destination(RouteTarget target) {
            destination = target;
            return this;
        }

        Link rule(String label, RouteCondition when, String url, DestinationType type) {
            rules.add(TestLinks.rule(label, when, url, type));
            return this;
        }

        Link rules(List<RouteRule> values) {
            rules = values;
            return this;
        }

        Link fallbacks(String fallbackUrl, String expiredUrl, String pausedUrl) {
            fallbacks = new LinkPublished.Fallbacks(fallbackUrl, expiredUrl, pausedUrl);
            return this;
        }

        Link noFallbacks() {
            fallbacks = null;
            return this;
        }

        Link utm(String key, String value) {
            utm.put(key, value);
            return this;
        }

        Link redirectStatus(int value) {
            redirectStatus = value;
            return this;
        }

        Link maxSignalAge(Duration value) {
            maxSignalAge = value;
            return this;
        }

        LinkPublished build() {
            return new LinkPublished(LINK_ID, "spring", 3, status, skus, markets, language, startsAt, endsAt,
                    destination, rules, fallbacks, utm, redirectStatus, maxSignalAge, clickId,
                    "alice", "growth", "spring-sale", "newsletter");
        }

        CompiledLink compile() {
            return CompiledLink.compile(build());
        }

        RouteDecision route(AvailabilityView availability, RequestContext request) {
            return compile().route(availability, request, NOW);
        }
    }

    /** Fluent RouteCondition: every part left null. */
    static final class When {
        StockCondition stock;
        List<String> device;
        List<String> market;
        List<String> language;
        List<String> segment;
        TimeWindow time;

        When stock(StockCondition value) {
            stock = value;
            return this;
        }

        When stockState(String sku, StockState... states) {
            return stock(new StockCondition(sku, List.of(states), null, null));
        }

        When device(String... values) {
            device = List.of(values);
            return this;
        }

        When market(String... values) {
            market = List.of(values);
            return this;
        }

        When language(String... values) {
            language = List.of(values);
            return this;
        }

        When segment(String... values) {
            segment = List.of(values);
            return this;
        }

        When time(Instant from, Instant to) {
            time = new TimeWindow(from, to);
            return this;
        }

        RouteCondition build() {
            return new RouteCondition(stock, device, market, language, segment, time);
        }
    }

    /** An in-memory AvailabilityView; signal ages are relative to {@link #NOW}. */
    static final class Signals implements AvailabilityView {
        private final Map<String, AvailabilitySignal> bySkuAndMarket = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        Signals put(String sku, String market, StockState state, long available, Long baseline, Duration age) {
            bySkuAndMarket.put(sku + "@" + market,
                    new AvailabilitySignal(state, available, baseline, NOW.minus(age)));
            return this;
        }

        /** A signal observed a minute ago in DE, without baseline. */
        Signals put(String sku, StockState state, long available) {
            return put(sku, "DE", state, available, null, Duration.ofMinutes(1));
        }

        @Override
        public AvailabilitySignal signal(String sku, String market) {
            lookups.add(sku + "@" + market);
            return bySkuAndMarket.get(sku + "@" + market);
        }
    }
}
