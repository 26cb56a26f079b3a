package dev.linkops.redirect.api;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.infra.testing.BrokerTestResource;
import dev.linkops.redirect.BrokerClient;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.StubServicesResource;
import dev.linkops.contracts.events.v1.LinkPublished;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.linkops.redirect.Http.get;
import static dev.linkops.redirect.Http.head;
import static dev.linkops.redirect.Http.atGlobalFallback;
import static dev.linkops.redirect.Http.location;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path against a real broker, with registry and availability answering their snapshots. */
@QuarkusTest
@QuarkusTestResource(value = StubServicesResource.class, restrictToAnnotatedClass = true)
class RedirectFlowTest {
    private static final Pattern CLICK_ID = Pattern.compile("[?&]lo_cid=([0-9a-f-]{36})");

    @TestHTTPResource("/")
    URL base;

    static BrokerClient broker;

    @BeforeAll
    static void connect() throws Exception {
        broker = new BrokerClient(BrokerTestResource.broker().port());
        broker.readClicks(Addresses.subscription(Addresses.CLICKS, "reporting-service"));
    }

    @AfterAll
    static void disconnect() {
        broker.close();
    }

    @Test
    void seededLinkRoutesFromTheServicesSnapshotFetchedWithAServiceToken() {
        HttpResponse<String> response = awaitLocation("/" + StubServicesResource.SEEDED_CODE,
                l -> l.startsWith(Fixtures.SHOP + "/c/speakers"), null);
        assertTrue(location(response).startsWith(
                Fixtures.SHOP + "/c/speakers?featured=SEED-1&utm_source=google&utm_medium=cpc&lo_cid="), location(response));
        assertTrue(StubServicesResource.stub().authorizations.stream().anyMatch(a -> a.startsWith("Bearer ey")),
                "snapshots are read with a bearer token");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aRedirectIs302AndMayNeverBeCached() {
        HttpResponse<String> response = awaitLocation("/" + StubServicesResource.SEEDED_CODE, l -> true, null);
        assertEquals(302, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void aLinkPublishedOnTheBrokerStartsRoutingItsCode() throws Exception {
        assertTrue(atGlobalFallback(location(get(base, "/fresh-link"))), "unknown before the event");
        LinkPublished link = Fixtures.speakerLink("fresh-link", "FRESH-1", 1, LinkStatus.LIVE);
        // only the event can do it: the registry stub does not list the link
        HttpResponse<String> response = awaitLocation("/fresh-link",
                l -> l.startsWith(Fixtures.SHOP + "/p/FRESH-1?"), link, false);
        assertEquals(302, response.statusCode());
        StubServicesResource.stub().publish(link);
    }

    @Test
    void availabilityChangesFlipTheBranchFromProductPageToCategoryToWaitlist() throws Exception {
        publishAndAwait(Fixtures.speakerLink("flip", "FLIP-1", 1, LinkStatus.LIVE), "/flip");
        publishAndAwait(Fixtures.speakerLink("flip-probe", "PROBE-1", 1, LinkStatus.LIVE), "/flip-probe");
        awaitAvailability("/flip", Fixtures.availability("FLIP-1", StockState.IN_STOCK, 300, 1), "/p/FLIP-1?");
        awaitAvailability("/flip", Fixtures.availability("FLIP-1", StockState.LOW, 12, 2), "/c/speakers?featured=FLIP-1&");
        awaitAvailability("/flip", Fixtures.availability("FLIP-1", StockState.OUT_OF_STOCK, 0, 3), "/waitlist/FLIP-1?");

        // an older signal arriving late must not move the link back
        broker.publish(Addresses.AVAILABILITY, Fixtures.availability("FLIP-1", StockState.IN_STOCK, 300, 2));
        // events on one address arrive in order: once this later one shows, the stale one was handled
        awaitAvailability("/flip-probe", Fixtures.availability("PROBE-1", StockState.OUT_OF_STOCK, 0, 1), "/waitlist/PROBE-1?");
        assertTrue(location(get(base, "/flip")).startsWith(Fixtures.SHOP + "/waitlist/FLIP-1?"));
    }

    @Test
    void theIncomingQueryPassesThroughExactlyEndToEnd() throws Exception {
        publishAndAwait(Fixtures.plainLink("passthrough", Fixtures.SHOP + "/landing?ref=email&gclid=old#top", 302, true),
                "/passthrough");
        String query = "gclid=abc%2Fdef&q=a+b%20c&utm_source=evil&tag=x&tag=y&flag&empty=&name=%C3%A9&seg=vip";
        String location = location(get(base, "/passthrough?" + query));
        Matcher clickId = CLICK_ID.matcher(location);
        assertTrue(clickId.find(), location);
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=abc%2Fdef&utm_source=newsletter"
                        + "&q=a+b%20c&tag=x&tag=y&flag&empty=&name=%C3%A9&seg=vip&lo_cid=" + clickId.group(1) + "#top",
                location);
    }

    @Test
    void aLinkMayAnswer307AndTurnTheClickIdOff() throws Exception {
        publishAndAwait(Fixtures.plainLink("temporary", Fixtures.SHOP + "/t", 307, false), "/temporary");
        HttpResponse<String> response = get(base, "/temporary?gclid=1");
        assertEquals(307, response.statusCode());
        assertEquals(Fixtures.SHOP + "/t?utm_source=newsletter&gclid=1", location(response));
    }

    @Test
    void anUnknownCodeGoesToTheGlobalFallbackAndIsAnOrphanClick() {
        HttpResponse<String> response = get(base, "/no-such-code?gclid=1&utm_source=typo&fbclid=a%20b");
        assertEquals(302, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.clicksFor("no-such-code").isEmpty());
        ClickRecorded orphan = broker.clicksFor("no-such-code").get(0).click();
        assertEquals("UNKNOWN_CODE", orphan.outcome());
        assertEquals(null, orphan.linkId());
        // the shopper's attribution survives the mistyped code; utm_* belong to links, and there is none
        assertEquals("http://shop.test/?gclid=1&fbclid=a%20b&lo_cid=" + orphan.clickId(), location(response));
    }

    @Test
    void pausedAndExpiredLinksGoToTheirOwnFallbacks() throws Exception {
        LinkPublished paused = Fixtures.speakerLink("paused-link", "P-1", 1, LinkStatus.PAUSED);
        HttpResponse<String> response = awaitLocation("/paused-link", l -> l.startsWith(Fixtures.SHOP + "/paused"), paused);
        assertEquals(302, response.statusCode());
        LinkPublished expired = Fixtures.speakerLink("paused-link", "P-1", 2, LinkStatus.EXPIRED);
        awaitLocation("/paused-link", l -> l.startsWith(Fixtures.SHOP + "/expired"), expired);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> outcomes = broker.clicksFor("paused-link").stream().map(c -> c.click().outcome())
                    .collect(Collectors.toSet());
            return outcomes.containsAll(Set.of("PAUSED", "EXPIRED"));
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("outcome=\"paused\""))
                .body(org.hamcrest.Matchers.containsString("outcome=\"expired\""))
                .body(org.hamcrest.Matchers.containsString("outcome=\"unknown_code\""));
    }

    @Test
    void everyRedirectYieldsExactlyOneClickOnTheClicksAddressWithBotsFlagged() throws Exception {
        publishAndAwait(Fixtures.speakerLink("clicky", "CLICK-1", 1, LinkStatus.LIVE), "/clicky");
        List<String> clickIds = new ArrayList<>();
        String chrome = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1";
        clickIds.add(clickIdOf(get(base, "/clicky?gclid=7", "User-Agent", chrome, "CF-IPCountry", "us",
                "Accept-Language", "en-US,en;q=0.9", "Referer", "https://news.example.com/story?id=secret")));
        clickIds.add(clickIdOf(get(base, "/clicky", "User-Agent", chrome)));
        clickIds.add(clickIdOf(get(base, "/clicky", "User-Agent", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")));
        clickIds.add(clickIdOf(head(base, "/clicky", "User-Agent", chrome)));
        clickIds.add(clickIdOf(get(base, "/clicky", "User-Agent", chrome, "Sec-Purpose", "prefetch;prerender")));

        await().atMost(Duration.ofSeconds(30)).until(() -> broker.clicksFor("clicky").stream()
                .map(c -> c.click().clickId().toString()).collect(Collectors.toSet()).containsAll(clickIds));
        Thread.sleep(500); // anything extra would be a duplicate
        List<BrokerClient.ReceivedClick> received = broker.clicksFor("clicky");
        for (int i = 0; i < clickIds.size(); i++) {
            String id = clickIds.get(i);
            List<BrokerClient.ReceivedClick> copies = received.stream()
                    .filter(c -> c.click().clickId().toString().equals(id)).toList();
            assertEquals(1, copies.size(), "exactly one click for redirect " + i);
            BrokerClient.ReceivedClick click = copies.get(0);
            assertEquals(id, click.duplicateId(), "duplicate id is the click id");
            assertEquals(id, click.eventId());
            assertEquals(i >= 2, click.click().bot(), "bot flag of request " + i);
        }
        ClickRecorded first = received.stream().filter(c -> c.click().clickId().toString().equals(clickIds.get(0)))
                .findFirst().orElseThrow().click();
        assertEquals("ROUTED", first.outcome());
        assertEquals("default", first.branch());
        assertEquals("mobile", first.device());
        assertEquals("US", first.country());
        assertEquals("en", first.language());
        assertEquals("news.example.com", first.referrerHost());
        assertEquals(Fixtures.SHOP + "/p/CLICK-1", first.destination());
        assertEquals(1, first.skus().size());
        assertEquals(StockState.UNKNOWN, first.skus().get(0).state());
        assertFalse(first.toString().contains("127.0.0.1"), "no IP in the click");
        // unique clicks: one browser at one address is one visitor today, another agent is another visitor
        List<String> visitors = clickIds.stream().map(id -> received.stream()
                .filter(c -> c.click().clickId().toString().equals(id)).findFirst().orElseThrow().click().visitor())
                .toList();
        assertTrue(visitors.get(0).matches("[0-9a-f]{32}"), visitors.get(0));
        assertEquals(Set.of(visitors.get(0)), Set.copyOf(List.of(visitors.get(1), visitors.get(3), visitors.get(4))));
        assertNotEquals(visitors.get(0), visitors.get(2), "Slackbot is not the iPhone");
    }

    @Test
    void reservedPathsAreNotLinkCodes() {
        int status = get(base, "/internal").statusCode();
        assertTrue(status >= 400 && status < 500, "/internal is not a code: " + status);
        status = get(base, "/q").statusCode();
        assertTrue(status >= 400 && status < 500, "/q is not a code: " + status);
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void behindAProxyTheVisitorIsTheForwardedClientNotTheProxy() throws Exception {
        publishAndAwait(Fixtures.speakerLink("forwarded", "FWD-1", 1, LinkStatus.LIVE), "/forwarded");
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36";
        String direct = clickIdOf(get(base, "/forwarded", "User-Agent", chrome));
        String first = clickIdOf(get(base, "/forwarded", "User-Agent", chrome, "X-Forwarded-For", "203.0.113.9"));
        String again = clickIdOf(get(base, "/forwarded", "User-Agent", chrome, "X-Forwarded-For", "203.0.113.9"));
        String other = clickIdOf(get(base, "/forwarded", "User-Agent", chrome, "X-Forwarded-For", "198.51.100.7"));
        List<String> ids = List.of(direct, first, again, other);
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.clicksFor("forwarded").stream()
                .map(c -> c.click().clickId().toString()).collect(Collectors.toSet()).containsAll(ids));
        java.util.Map<String, String> visitors = broker.clicksFor("forwarded").stream().collect(Collectors.toMap(
                c -> c.click().clickId().toString(), c -> c.click().visitor(), (a, b) -> a));
        assertEquals(visitors.get(first), visitors.get(again), "one forwarded client is one visitor");
        assertNotEquals(visitors.get(direct), visitors.get(first), "the proxy is not the visitor");
        assertNotEquals(visitors.get(first), visitors.get(other), "another client is another visitor");
        assertFalse(broker.clicksFor("forwarded").toString().contains("203.0.113.9"), "no IP in the click");
    }

    private static String clickIdOf(HttpResponse<String> response) {
        Matcher m = CLICK_ID.matcher(location(response));
        assertTrue(m.find(), location(response));
        return m.group(1);
    }

    private void publishAndAwait(LinkPublished link, String path) {
        awaitLocation(path, l -> !atGlobalFallback(l), link);
    }

    private void awaitAvailability(String path, dev.linkops.contracts.events.v1.AvailabilityChanged signal,
                                   String expected) {
        String[] last = new String[1];
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                StubServicesResource.stub().publish(signal);
            broker.publish(Addresses.AVAILABILITY, signal); // idempotent by sequence
                last[0] = location(get(base, path));
                return last[0].startsWith(Fixtures.SHOP + expected);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(path + " after " + signal.state() + " #" + signal.sequence()
                    + " still answers " + last[0], e);
        }
    }

    /**
     * Publishes (again and again: the per-instance subscription may still be attaching; versions make
     * repeats harmless) until the code answers as expected.
     */
    private HttpResponse<String> awaitLocation(String path, Predicate<String> expected, LinkPublished publish) {
        return awaitLocation(path, expected, publish, true);
    }

    private HttpResponse<String> awaitLocation(String path, Predicate<String> expected, LinkPublished publish,
                                               boolean listedByRegistry) {
        if (publish != null && listedByRegistry) {
            // the registry that published it lists it in its snapshot too; reconciliation would drop it otherwise
            StubServicesResource.stub().publish(publish);
        }
        HttpResponse<String>[] last = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (publish != null) {
                broker.publish(Addresses.LINKS, publish);
            }
            last[0] = get(base, path);
            return location(last[0]) != null && expected.test(location(last[0]));
        });
        return last[0];
    }
}
