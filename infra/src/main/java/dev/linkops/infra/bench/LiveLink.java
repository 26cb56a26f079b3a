package dev.linkops.infra.bench;

import dev.linkops.infra.suite.DemoData;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A stock-aware link of the bench's own (its own SKU, code and campaign, so its clicks and reports are not
 * mixed with anything else), launched through the public APIs as people do it: oscar sets thresholds and
 * feeds stock, alice creates, preflights and publishes. Then clicks it as a shopper's browser would.
 */
final class LiveLink {
    static final String MARKET = "US";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    /** HTTP/1.1 with keep-alive, as an ad click arrives; no h2c upgrade attempt on the hot path. */
    private static final HttpClient CLICKS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Where a click was sent, told by the destination the rules chose. */
    enum Branch { PDP, CATEGORY, WAITLIST, OTHER }

    final Suite suite;
    final String code;
    final String campaign;
    final String sku;
    final String linkId;
    private final URI clickUri;

    private LiveLink(Suite suite, String code, String campaign, String sku, String linkId) {
        this.suite = suite;
        this.code = code;
        this.campaign = campaign;
        this.sku = sku;
        this.linkId = linkId;
        this.clickUri = URI.create(suite.config().serviceUrl(ServiceModule.REDIRECT) + "/" + code + "?gclid=bench");
    }

    static LiveLink launch(Suite suite, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String code = "bench-" + name + "-" + suffix;
        String campaign = "bench_" + name + "_" + suffix;
        String sku = ("BENCH-" + name + "-" + suffix).toUpperCase(Locale.ROOT);
        Http http = suite.http();
        String oscar = suite.tokens().of("oscar");
        String availability = suite.config().serviceUrl(ServiceModule.AVAILABILITY);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("authoritativeMarkets", List.of(MARKET));
        source.put("expectedInterval", "PT15M");
        expect2xx("register the feed source", http.put(availability + "/api/sources/" + DemoData.SOURCE, oscar, source));
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("market", MARKET);
        thresholds.put("lowAtMost", 25);
        thresholds.put("baseline", 400);
        thresholds.put("lowPercentOfBaseline", 5);
        thresholds.put("hysteresis", 5);
        expect2xx("set thresholds", http.put(availability + "/api/skus/" + sku + "/thresholds", oscar, thresholds));
        feed(suite, sku, 140, 20);

        String registry = suite.config().serviceUrl(ServiceModule.REGISTRY);
        String alice = suite.tokens().of("alice");
        Map<String, Object> link = DemoData.link(suite.config(), code, campaign);
        link.put("skus", List.of(sku));
        link.put("destination", suite.config().storefrontUrl() + "/p/" + sku.toLowerCase(Locale.ROOT));
        Http.Response created = http.post(registry + "/api/links", alice, link);
        if (created.status() != 201) {
            throw new IllegalStateException("alice could not create " + code + ": " + created);
        }
        String id = created.json().path("id").asText();
        // the registry hears the fed stock over the broker: preflight passes once it has
        waitFor(Duration.ofSeconds(60), "preflight of " + code + " to pass", () -> {
            Http.Response p = http.post(registry + "/api/links/" + id + "/preflight", alice, "{}");
            return p.status() == 200 && p.json().path("ready").asBoolean(false);
        });
        Http.Response published = http.post(registry + "/api/links/" + id + "/publish", alice, "{}");
        if (!published.is2xx() || !"LIVE".equals(published.json().path("status").asText())) {
            throw new IllegalStateException("alice could not publish " + code + ": " + published);
        }
        LiveLink live = new LiveLink(suite, code, campaign, sku, id);
        waitFor(Duration.ofSeconds(60), "the redirect to serve " + code, () -> live.click() == Branch.PDP);
        SuiteBench.log("link %s (SKU %s, campaign %s) is live and served", code, sku, campaign);
        return live;
    }

    /** Feeds available = onHand - reserved for this link's SKU; returns when the feed was accepted. */
    void feed(int onHand, int reserved) {
        feed(suite, sku, onHand, reserved);
    }

    private static void feed(Suite suite, String sku, int onHand, int reserved) {
        Instant now = Instant.now();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("market", MARKET);
        item.put("onHand", onHand);
        item.put("reserved", reserved);
        item.put("observedAt", now.toString());
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", "bench-" + UUID.randomUUID());
        batch.put("sentAt", now.toString());
        batch.put("items", List.of(item));
        Http.Response r = suite.http().post(suite.config().serviceUrl(ServiceModule.AVAILABILITY) + "/api/feeds/"
                + DemoData.SOURCE, suite.tokens().of("oscar"), batch);
        if (!r.is2xx() || r.json().path("accepted").asInt() != 1) {
            throw new IllegalStateException("the feed of " + sku + " was not accepted: " + r);
        }
    }

    /** One shopper's click; the branch its Location points at, or OTHER for anything but a 302. */
    Branch click() {
        return click(clickUri);
    }

    /** The same click on another redirect replica, given by its base URL. */
    Branch clickAt(String redirectUrl) {
        return click(URI.create(redirectUrl + clickUri.getRawPath() + "?" + clickUri.getRawQuery()));
    }

    private Branch click(URI clickUri) {
        HttpRequest request = HttpRequest.newBuilder(clickUri).timeout(Duration.ofSeconds(10))
                .header("User-Agent", BROWSER).header("Accept-Language", "en-US,en;q=0.9").header("Accept", "text/html")
                .GET().build();
        HttpResponse<Void> r;
        try {
            r = CLICKS.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GET " + clickUri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (r.statusCode() != 302) {
            return Branch.OTHER;
        }
        String location = r.headers().firstValue("Location").orElse("");
        if (location.contains("/waitlist/")) {
            return Branch.WAITLIST;
        }
        if (location.contains("/c/speakers")) {
            return Branch.CATEGORY;
        }
        return location.contains("/p/") ? Branch.PDP : Branch.OTHER;
    }

    private static void expect2xx(String step, Http.Response r) {
        if (!r.is2xx()) {
            throw new IllegalStateException(step + ": " + r);
        }
    }

    interface Check {
        boolean done() throws Exception;
    }

    /** Polls every 200 ms until done or the deadline; the deadline is an error naming what did not happen. */
    static void waitFor(Duration within, String what, Check check) {
        long deadline = System.nanoTime() + within.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.done()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("not within " + within.toSeconds() + " s: " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
