package dev.linkops.infra.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads the demo through the public APIs with real tokens, as people would: oscar (operations) registers
 * the ERP as the authoritative source for US, sets thresholds and feeds stock; alice (marketing) creates,
 * preflights and publishes the weekend smart-speaker link of DESIGN §8 pointing at the demo storefront.
 * Every step tolerates an endpoint that is not there yet: it logs a warning and the load goes on.
 * Running it again is harmless (an existing link is found by its code and left as it is).
 */
public final class DemoData {
    public static final String DEMO_CODE = "spk-weekend";
    public static final String DEMO_CAMPAIGN = "20261205_paidsearch_audio_prospects_conversion";
    public static final String SOURCE = "erp";

    /** What the load achieved. */
    public static final class Result {
        private final List<String> warnings = new ArrayList<>();
        private String linkId;
        private String linkStatus;
        private boolean published;
        private boolean availabilityFed;

        public List<String> warnings() { return warnings; }
        public String linkId() { return linkId; }
        public String linkStatus() { return linkStatus; }
        public boolean published() { return published; }
        public boolean availabilityFed() { return availabilityFed; }
    }

    private final SuiteConfig config;
    private final Http http;
    private final Tokens tokens;
    private final Result result = new Result();

    public DemoData(SuiteConfig config, Http http, Tokens tokens) {
        this.config = config;
        this.http = http;
        this.tokens = tokens;
    }

    public Result load() {
        feedAvailability();
        createAndPublishLink();
        for (String w : result.warnings) {
            Suite.log("[demo] WARNING " + w);
        }
        return result;
    }

    private void feedAvailability() {
        String availability = config.serviceUrl(ServiceModule.AVAILABILITY);
        String oscar = token("oscar");
        if (oscar == null) {
            return;
        }
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("authoritativeMarkets", List.of("US"));
        source.put("expectedInterval", "PT15M");
        call("register source erp as authoritative for US",
                () -> http.put(availability + "/api/sources/" + SOURCE, oscar, source));
        for (String sku : List.of("SPK-X1", "SPK-X2")) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("market", "US");
            t.put("lowAtMost", 25);
            t.put("baseline", 400);
            t.put("lowPercentOfBaseline", 5);
            t.put("hysteresis", 5);
            call("set thresholds of " + sku, () -> http.put(availability + "/api/skus/" + sku + "/thresholds", oscar, t));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("batchId", "erp-" + now);
        feed.put("sentAt", now.toString());
        feed.put("items", List.of(
                item("SPK-X1", 140, 20, now),
                item("SPK-X2", 320, 20, now)));
        Http.Response fed = call("feed ERP availability", () -> http.post(availability + "/api/feeds/" + SOURCE, oscar, feed));
        result.availabilityFed = fed != null && fed.is2xx();
    }

    private static Map<String, Object> item(String sku, int onHand, int reserved, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sku", sku);
        m.put("market", "US");
        m.put("onHand", onHand);
        m.put("reserved", reserved);
        m.put("observedAt", at.toString());
        return m;
    }

    private void createAndPublishLink() {
        String registry = config.serviceUrl(ServiceModule.REGISTRY);
        String alice = token("alice");
        if (alice == null) {
            return;
        }
        Http.Response existing = call("look up " + DEMO_CODE,
                () -> http.get(registry + "/api/links?campaign=" + DEMO_CAMPAIGN, alice));
        if (existing != null && existing.is2xx()) {
            JsonNode found = findByCode(existing.json());
            if (found != null) {
                result.linkId = found.path("id").asText();
                result.linkStatus = found.path("status").asText();
                result.published = "LIVE".equals(result.linkStatus) || "SCHEDULED".equals(result.linkStatus);
                Suite.log("[demo] link " + DEMO_CODE + " already there (" + result.linkStatus + ")");
                if (result.published) {
                    return;
                }
            }
        }
        if (result.linkId == null) {
            Http.Response created = call("create link " + DEMO_CODE, () -> http.post(registry + "/api/links", alice, demoLink(config)));
            if (created == null || created.status() != 201) {
                return;
            }
            result.linkId = created.json().path("id").asText();
            result.linkStatus = created.json().path("status").asText();
        }
        String id = result.linkId;
        call("preflight " + DEMO_CODE, () -> http.post(registry + "/api/links/" + id + "/preflight", alice, "{}"));
        Http.Response published = call("publish " + DEMO_CODE, () -> http.post(registry + "/api/links/" + id + "/publish", alice, "{}"));
        if (published != null && published.is2xx()) {
            result.published = true;
            result.linkStatus = published.json().path("status").asText(result.linkStatus);
            Suite.log("[demo] link " + DEMO_CODE + " published (" + result.linkStatus + ")");
        }
    }

    private static JsonNode findByCode(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path("items").isArray() ? list.path("items") : list.path("links");
        for (JsonNode n : items) {
            if (DEMO_CODE.equals(n.path("code").asText())) {
                return n;
            }
        }
        return null;
    }

    /**
     * The weekend smart-speaker link of DESIGN §8 with its destinations on the demo storefront. Its window
     * opens now (not on the design's example date) so the demo link is LIVE as soon as it is published.
     */
    public static Map<String, Object> demoLink(SuiteConfig config) {
        return link(config, DEMO_CODE, DEMO_CAMPAIGN);
    }

    /** The same link under another code and campaign (end-to-end tests create their own). */
    public static Map<String, Object> link(SuiteConfig config, String code, String campaign) {
        String shop = config.storefrontUrl();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        Map<String, Object> utm = new LinkedHashMap<>();
        utm.put("source", "google");
        utm.put("medium", "cpc");
        utm.put("campaign", campaign);
        utm.put("content", "hero");
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("code", code);
        link.put("campaign", campaign);
        link.put("channel", "paid_search");
        link.put("purpose", "ACQUISITION");
        link.put("team", "marketing");
        link.put("skus", List.of("SPK-X1", "SPK-X2"));
        link.put("markets", List.of("US"));
        link.put("language", "en");
        link.put("currency", "USD");
        link.put("startsAt", start.toString());
        link.put("endsAt", start.plus(30, ChronoUnit.DAYS).toString());
        link.put("utm", utm);
        link.put("destination", shop + "/p/spk-x1");
        link.put("destinationType", "PDP");
        link.put("fallbackUrl", shop + "/c/speakers");
        link.put("rules", List.of(
                rule("low-stock", "LOW", shop + "/c/speakers?featured={sku}", "CATEGORY"),
                rule("sold-out", "OUT_OF_STOCK", shop + "/waitlist/{sku}", "WAITLIST")));
        link.put("redirectStatus", 302);
        link.put("maxSignalAge", "PT15M");
        link.put("clickId", true);
        return link;
    }

    private static Map<String, Object> rule(String label, String state, String destination, String type) {
        return Map.of("label", label,
                "when", Map.of("stock", Map.of("sku", "primary", "state", List.of(state))),
                "then", Map.of("destination", destination, "destinationType", type));
    }

    private String token(String user) {
        try {
            return tokens.of(user);
        } catch (RuntimeException e) {
            result.warnings.add("no token for " + user + ": " + e.getMessage());
            return null;
        }
    }

    /** Runs one step; a missing endpoint or a refusal becomes a warning, never an abort. */
    private Http.Response call(String step, Supplier<Http.Response> request) {
        try {
            Http.Response r = request.get();
            if (r.status() == 404 || r.status() == 405 || r.status() == 501) {
                result.warnings.add(step + ": endpoint not there yet (HTTP " + r.status() + ")");
            } else if (!r.is2xx()) {
                result.warnings.add(step + ": " + r);
            } else {
                Suite.log("[demo] " + step + ": HTTP " + r.status());
            }
            return r;
        } catch (RuntimeException e) {
            result.warnings.add(step + ": " + e.getMessage());
            return null;
        }
    }
}
