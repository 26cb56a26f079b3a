package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.linkops.infra.suite.DemoData;
import dev.linkops.infra.suite.DemoStorefront;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import jakarta.mail.Address;
import jakarta.mail.Message;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The core scenario of issue 8 across the real suite, through public APIs with real Keycloak tokens:
 * alice (marketing) launches a weekend link for a smart speaker of her own (SPK-E2E) with the rules
 * PDP → category when LOW → waitlist when OUT_OF_STOCK; oscar (operations) feeds its stock; clicks follow
 * the stock; alice gets the out-of-stock alert by e-mail and acknowledges it; a purchase is attributed; the
 * campaign report matches the clicks served one for one; restock resolves the alert; a destination change
 * on the live link waits for mia's approval.
 *
 * <p>The steps share state and run in order; a step whose predecessor failed is skipped (not passed).
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoreScenarioIT {
    private static final String SKU = "SPK-E2E";
    private static final String MARKET = "US";
    private static final String CAMPAIGN = "20261205_paidsearch_audio_core_conversion";
    private static final String CODE = "spk-core-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    /** What an ad click brings: a gclid with raw percent-encoding, a key with an encoded space, a bare key. */
    private static final String INCOMING_QUERY = "gclid=Cj0KCQiA%2Be2e_1-xYz&ref=news%20letter&flag";
    private static final Pattern CLICK_ID = Pattern.compile("[?&]lo_cid=([0-9a-fA-F-]{36})$");
    private static final Duration PROPAGATION = Duration.ofSeconds(10);

    private enum State { IN_STOCK, LOW, OUT_OF_STOCK }

    /** Shared by the ordered steps. */
    private static String linkId;
    private static String lowClickId;
    private static String outAlertId;
    private static boolean restocked;
    private static final Instant STARTED = Instant.now();
    private static final Map<State, Integer> served = new EnumMap<>(State.class);

    // ---------------------------------------------------------------- launch

    @Test
    @Order(1)
    void oscarRegistersStockAndThresholdsForTheNewSpeaker(Suite suite) {
        step("scenario for link " + CODE + ", SKU " + SKU + ", campaign " + CAMPAIGN);
        String oscar = suite.tokens().of("oscar");
        Http.Response source = suite.http().get(availability(suite) + "/api/sources/" + DemoData.SOURCE, oscar);
        assertEquals(200, source.status(), "the demo loader registers the ERP source: " + source);
        assertTrue(source.body().contains("\"US\""), "erp is authoritative for US: " + source);

        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("market", MARKET);
        thresholds.put("lowAtMost", 25);
        thresholds.put("baseline", 400);
        thresholds.put("lowPercentOfBaseline", 5);
        thresholds.put("hysteresis", 5);
        Http.Response t = suite.http().put(availability(suite) + "/api/skus/" + SKU + "/thresholds", oscar, thresholds);
        assertTrue(t.is2xx(), "oscar sets the thresholds: " + t);

        feed(suite, 140, 20);
        assertAvailability(suite, "IN_STOCK", 120);
    }

    @Test
    @Order(2)
    void aliceCreatesPreflightsAndPublishesTheWeekendLink(Suite suite) {
        String alice = suite.tokens().of("alice");
        Http.Response created = suite.http().post(registry(suite) + "/api/links", alice, link(suite));
        assertEquals(201, created.status(), "alice creates the link: " + created);
        assertEquals("DRAFT", created.json().path("status").asText());
        assertEquals("alice", created.json().path("owner").asText(), "the creator owns the link");
        String id = created.json().path("id").asText();

        // The registry learns the fed stock from linkops.availability, asynchronously: poll, do not race it.
        Http.Response[] last = new Http.Response[1];
        Http.Response preflight = poll(Duration.ofSeconds(15),
                "preflight passes with the stock fed and the rules complete", () -> {
                    last[0] = suite.http().post(registry(suite) + "/api/links/" + id + "/preflight", alice, "{}");
                    assertEquals(200, last[0].status(), last[0].toString());
                    return last[0].json().path("ready").asBoolean(false) ? last[0] : null;
                }, () -> String.valueOf(last[0]));
        JsonNode stock = check(preflight.json(), "stock");
        assertEquals("PASS", stock.path("status").asText(), "the fed SKU passes the stock check: " + stock);

        Http.Response published = suite.http().post(registry(suite) + "/api/links/" + id + "/publish", alice, "{}");
        assertEquals(200, published.status(), "alice publishes: " + published);
        assertEquals("LIVE", published.json().path("status").asText(), "the window is open, so it is live: " + published);
        linkId = id;
    }

    // ---------------------------------------------------------------- clicks follow the stock

    @Test
    @Order(3)
    void anAdClickArrivesAtTheProductPageWithEveryParameterIntact(Suite suite) {
        assumeTrue(linkId != null, "the link was not published");
        Http.Response r = clickUntil(suite, Duration.ofSeconds(20), loc -> loc.startsWith(pdp(suite) + "?"));
        assertEquals(302, r.status(), r.toString());
        assertEquals("no-store", r.header("Cache-Control").orElse(""), "stock-aware routes are never cached");
        String location = r.header("Location").orElseThrow();
        String clickId = clickId(location);
        String expected = pdp(suite) + "?utm_source=google&utm_medium=cpc&utm_campaign=" + CAMPAIGN
                + "&utm_content=hero&" + INCOMING_QUERY + "&lo_cid=" + clickId;
        step("in stock: " + location);
        assertEquals(expected, location, "link UTMs first, then the ad's parameters byte for byte, then the click id");

        int before = suite.storefront().visits().size();
        Http.Response page = suite.http().get(location, null);
        String query = location.substring(location.indexOf('?') + 1);
        Optional<DemoStorefront.Visit> visit = suite.storefront().visits().stream().skip(Math.max(0, before - 1))
                .filter(v -> v.path.equals("/p/spk-e2e") && query.equals(v.rawQuery)).findFirst();
        step("followed: the shop answered HTTP " + page.status() + " and recorded " + visit.orElse(null));
        assertTrue(visit.isPresent(), "the shop saw the visit with the whole query (page answered HTTP "
                + page.status() + "): " + suite.storefront().visits());

        for (int i = 0; i < 2; i++) {
            Http.Response again = click(suite);
            assertTrue(again.header("Location").orElse("").startsWith(pdp(suite) + "?utm_source=google"), again.toString());
        }
    }

    @Test
    @Order(4)
    void aDropBelowTheThresholdSendsTheNextClickToTheCategoryPage(Suite suite) {
        assumeTrue(linkId != null, "the link was not published");
        feed(suite, 30, 20); // 10 available, at or below 25
        assertAvailability(suite, "LOW", 10);
        Http.Response r = clickUntil(suite, PROPAGATION, loc -> loc.startsWith(category(suite) + "&"));
        String location = r.header("Location").orElseThrow();
        assertEquals(category(suite) + "&utm_source=google&utm_medium=cpc&utm_campaign=" + CAMPAIGN
                + "&utm_content=hero&" + INCOMING_QUERY + "&lo_cid=" + clickId(location), location);
        lowClickId = clickId(location);
        step("low: " + location);
        Http.Response again = click(suite);
        assertTrue(again.header("Location").orElse("").startsWith(category(suite) + "&"), again.toString());
    }

    @Test
    @Order(5)
    void atZeroClicksLandOnTheWaitlist(Suite suite) {
        assumeTrue(linkId != null, "the link was not published");
        feed(suite, 20, 20);
        assertAvailability(suite, "OUT_OF_STOCK", 0);
        Http.Response r = clickUntil(suite, PROPAGATION, loc -> loc.startsWith(waitlist(suite) + "?"));
        String location = r.header("Location").orElseThrow();
        assertEquals(waitlist(suite) + "?utm_source=google&utm_medium=cpc&utm_campaign=" + CAMPAIGN
                + "&utm_content=hero&" + INCOMING_QUERY + "&lo_cid=" + clickId(location), location);
        step("out of stock: " + location);
        Http.Response again = click(suite);
        assertTrue(again.header("Location").orElse("").startsWith(waitlist(suite) + "?"), again.toString());
    }

    // ---------------------------------------------------------------- the owner is told

    @Test
    @Order(6)
    void aliceGetsTheOutOfStockAlertByEmailWithADeadlineAndAcknowledgesIt(Suite suite) {
        assumeTrue(linkId != null, "the link was not published");
        String alice = suite.tokens().of("alice");
        JsonNode alert = poll(Duration.ofSeconds(30), "an open SKU_OUT_OF_STOCK alert for " + CODE, () -> {
            Http.Response r = suite.http().get(alerting(suite) + "/api/alerts?owner=alice&type=SKU_OUT_OF_STOCK", alice);
            assertEquals(200, r.status(), r.toString());
            for (JsonNode a : r.json()) {
                if (linkId.equals(a.path("linkId").asText()) && "OPEN".equals(a.path("status").asText())) {
                    return a;
                }
            }
            return null;
        });
        assertEquals("alice", alert.path("owner").asText());
        assertEquals(SKU, alert.path("sku").asText());
        assertTrue(alert.path("subject").asText().contains(CODE), alert.toString());
        assertFalse(alert.path("deadline").isNull() || alert.path("deadline").asText().isEmpty(), "an alert has a deadline: " + alert);
        Instant deadline = Instant.parse(alert.path("deadline").asText());
        assertTrue(deadline.isAfter(Instant.parse(alert.path("raisedAt").asText())), "the deadline lies ahead: " + alert);
        outAlertId = alert.path("id").asText();
        step("alert " + alert);

        Message mail = poll(Duration.ofSeconds(30), "an e-mail to alice about " + CODE + " out of stock", () -> {
            for (Message m : suite.mail().getReceivedMessages()) {
                if (sentTo(m, "alice@linkops.local") && subject(m).contains("SKU_OUT_OF_STOCK") && subject(m).contains(CODE)) {
                    return m;
                }
            }
            return null;
        });
        assertTrue(GreenMailUtil.getBody(mail).contains(SKU), "the e-mail names the SKU");
        step("e-mail to alice: " + subject(mail));

        Http.Response ack = suite.http().post(alerting(suite) + "/api/alerts/" + outAlertId + "/ack", alice, null);
        assertEquals(200, ack.status(), "the owner acknowledges: " + ack);
        assertEquals("ACKNOWLEDGED", ack.json().path("status").asText(), ack.toString());
        assertEquals("alice", ack.json().path("acknowledgedBy").asText(), ack.toString());
    }

    // ---------------------------------------------------------------- restock

    @Test
    @Order(7)
    void restockSendsClicksToTheProductPageAgainAndTheAlertResolvesItself(Suite suite) {
        assumeTrue(linkId != null, "the link was not published");
        feed(suite, 140, 20);
        assertAvailability(suite, "IN_STOCK", 120);
        Http.Response r = clickUntil(suite, PROPAGATION, loc -> loc.startsWith(pdp(suite) + "?"));
        assertTrue(r.header("Location").orElseThrow().startsWith(pdp(suite) + "?utm_source=google"), r.toString());
        restocked = true;

        assumeTrue(outAlertId != null, "no out-of-stock alert was raised");
        String alice = suite.tokens().of("alice");
        JsonNode resolved = poll(Duration.ofSeconds(30), "the out-of-stock alert resolving itself", () -> {
            Http.Response a = suite.http().get(alerting(suite) + "/api/alerts/" + outAlertId, alice);
            assertEquals(200, a.status(), a.toString());
            return "RESOLVED".equals(a.json().path("status").asText()) ? a.json() : null;
        });
        step("resolved: " + resolved.path("resolution").asText());
        assertTrue(resolved.path("resolution").asText().contains("back in stock"), resolved.toString());
    }

    // ---------------------------------------------------------------- attribution and the report

    @Test
    @Order(8)
    void aPurchaseWithTheClickIdOfALowStockClickIsAttributedAndTheReportMatchesTheClicksServed(Suite suite) {
        assumeTrue(lowClickId != null && restocked, "the stock steps did not complete");
        Map<String, Object> purchase = new LinkedHashMap<>();
        purchase.put("clickId", lowClickId);
        purchase.put("type", "purchase");
        purchase.put("revenue", 129.0);
        purchase.put("currency", "USD");
        purchase.put("orderId", "e2e-order-1");
        purchase.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Http.Response refused = suite.http().post(reporting(suite) + "/api/events", suite.tokens().of("alice"), List.of(purchase));
        assertEquals(403, refused.status(), "post-click events are for services: " + refused);
        Http.Response posted = suite.http().post(reporting(suite) + "/api/events", suite.tokens().service(), List.of(purchase));
        assertEquals(200, posted.status(), posted.toString());
        assertEquals(1, posted.json().path("accepted").asInt(), posted.toString());
        assertEquals(0, posted.json().path("rejected").size(), posted.toString());
        step("purchase posted: " + posted.body());

        String alice = suite.tokens().of("alice");
        Map<State, Integer> expected = new EnumMap<>(served);
        for (State state : State.values()) {
            assertTrue(expected.getOrDefault(state, 0) >= 2, "the earlier steps served clicks in every state: " + expected);
        }
        String url = reporting(suite) + "/api/reports/campaigns/" + CAMPAIGN + "?groupBy=stockState";
        JsonNode report = poll(Duration.ofSeconds(30), "report counts " + expected + " with the purchase on LOW", () -> {
            Http.Response r = suite.http().get(url, alice);
            assertEquals(200, r.status(), r.toString());
            Map<String, Long> clicks = clicksByState(r.json());
            boolean countsMatch = clicks.equals(expectedAsText(expected));
            boolean revenueThere = row(r.json(), "LOW").map(x -> x.path("revenue").decimalValue().signum() > 0).orElse(false);
            return countsMatch && revenueThere ? r.json() : null;
        }, () -> suite.http().get(url, alice).toString());
        step("report rows " + report.path("rows") + " for clicks served " + expected);
        assertEquals(expectedAsText(expected), clicksByState(report), "clicks by stock state, one for one");
        JsonNode low = row(report, "LOW").orElseThrow();
        assertEquals(0, low.path("revenue").decimalValue().compareTo(new java.math.BigDecimal("129.00")), low.toString());
        assertEquals(1, low.path("conversions").asLong(), low.toString());
        for (String other : List.of("IN_STOCK", "OUT_OF_STOCK")) {
            JsonNode row = row(report, other).orElseThrow();
            assertEquals(0, row.path("revenue").decimalValue().signum(), "no revenue on " + other + ": " + row);
        }
        // every click came from one browser at one address: one visitor of the link a day
        long days = ChronoUnit.DAYS.between(STARTED.atZone(ZoneOffset.UTC).toLocalDate(),
                Instant.now().atZone(ZoneOffset.UTC).toLocalDate()) + 1;
        assertEquals(days, report.path("totals").path("uniqueClicks").asLong(), report.path("totals").toString());
    }

    // ---------------------------------------------------------------- four eyes on a live destination

    @Test
    @Order(9)
    void aDestinationChangeOnTheLiveLinkWaitsForASecondPersonsApproval(Suite suite) {
        assumeTrue(linkId != null && restocked, "the link is not live and in stock");
        String alice = suite.tokens().of("alice");
        String newDestination = pdp(suite) + "?color=black";
        Http.Response proposed = suite.http().send("PATCH", registry(suite) + "/api/links/" + linkId, alice,
                Map.of("destination", newDestination, "reason", "send the weekend traffic to the black edition"));
        assertEquals(202, proposed.status(), "a live destination change waits for approval: " + proposed);
        String requestId = proposed.json().path("id").asText();
        assertEquals("PENDING", proposed.json().path("status").asText(), proposed.toString());
        assertEquals("alice", proposed.json().path("proposedBy").asText(), proposed.toString());

        Http.Response still = click(suite);
        assertTrue(still.header("Location").orElse("").startsWith(pdp(suite) + "?utm_source=google"),
                "nothing changes before approval: " + still);

        Http.Response selfApproval = suite.http().post(registry(suite) + "/api/change-requests/" + requestId + "/approve",
                alice, "{}");
        assertTrue(selfApproval.status() == 403 || selfApproval.status() == 409,
                "alice may not approve her own change: " + selfApproval);
        Http.Response pending = suite.http().get(registry(suite) + "/api/change-requests/" + requestId, alice);
        assertEquals("PENDING", pending.json().path("status").asText(), "a refused approval leaves it pending: " + pending);

        Http.Response approved = suite.http().post(registry(suite) + "/api/change-requests/" + requestId + "/approve",
                suite.tokens().of("mia"), Map.of("reason", "checked the black edition page"));
        assertEquals(200, approved.status(), "mia from merchandising approves: " + approved);
        assertEquals("APPROVED", approved.json().path("status").asText(), approved.toString());
        assertEquals("mia", approved.json().path("decidedBy").asText(), approved.toString());

        Http.Response r = clickUntil(suite, PROPAGATION, loc -> loc.startsWith(newDestination + "&"));
        String location = r.header("Location").orElseThrow();
        step("after approval: " + location);
        assertEquals(newDestination + "&utm_source=google&utm_medium=cpc&utm_campaign=" + CAMPAIGN
                + "&utm_content=hero&" + INCOMING_QUERY + "&lo_cid=" + clickId(location), location);
    }

    // ---------------------------------------------------------------- helpers

    /** Step messages go to the console and to target/core-scenario.log (kept after the suite's data is wiped). */
    private static void step(String message) {
        String line = java.time.LocalTime.now().withNano(0) + " [core-scenario] " + message;
        System.out.println(line);
        System.out.flush();
        try {
            java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("linkops.e2e.data", "target/e2e-data"))
                    .toAbsolutePath().getParent().resolve("core-scenario.log");
            java.nio.file.Files.writeString(log, line + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("[core-scenario] could not write the step log: " + e);
        }
    }

    private static Map<String, Object> link(Suite suite) {
        String shop = suite.config().storefrontUrl();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        Map<String, Object> utm = new LinkedHashMap<>();
        utm.put("source", "google");
        utm.put("medium", "cpc");
        utm.put("campaign", CAMPAIGN);
        utm.put("content", "hero");
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("code", CODE);
        link.put("campaign", CAMPAIGN);
        link.put("channel", "paid_search");
        link.put("purpose", "ACQUISITION");
        link.put("team", "marketing");
        link.put("skus", List.of(SKU));
        link.put("markets", List.of(MARKET));
        link.put("language", "en");
        link.put("currency", "USD");
        link.put("startsAt", start.toString());
        link.put("endsAt", start.plus(3, ChronoUnit.DAYS).toString()); // a weekend
        link.put("utm", utm);
        link.put("destination", shop + "/p/spk-e2e");
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

    private static String pdp(Suite suite) {
        return suite.config().storefrontUrl() + "/p/spk-e2e";
    }

    private static String category(Suite suite) {
        return suite.config().storefrontUrl() + "/c/speakers?featured=" + SKU;
    }

    private static String waitlist(Suite suite) {
        return suite.config().storefrontUrl() + "/waitlist/" + SKU;
    }

    private static void feed(Suite suite, int onHand, int reserved) {
        Instant now = Instant.now();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", SKU);
        item.put("market", MARKET);
        item.put("onHand", onHand);
        item.put("reserved", reserved);
        item.put("observedAt", now.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", "erp-e2e-" + UUID.randomUUID());
        body.put("sentAt", now.toString());
        body.put("items", List.of(item));
        Http.Response r = suite.http().post(availability(suite) + "/api/feeds/" + DemoData.SOURCE,
                suite.tokens().of("oscar"), body);
        assertTrue(r.is2xx(), "oscar feeds " + SKU + ": " + r);
        assertEquals(1, r.json().path("accepted").asInt(), "the item is accepted: " + r);
    }

    private static void assertAvailability(Suite suite, String state, long available) {
        Http.Response r = suite.http().get(availability(suite) + "/api/availability/" + SKU + "?market=" + MARKET,
                suite.tokens().of("oscar"));
        assertEquals(200, r.status(), r.toString());
        assertEquals(state, r.json().path("state").asText(), r.toString());
        assertEquals(available, r.json().path("available").asLong(), r.toString());
    }

    /** One click as a desktop browser in the US would make it; counts it by the page it was sent to. */
    private static Http.Response click(Suite suite) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(redirect(suite) + "/" + CODE + "?" + INCOMING_QUERY))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", BROWSER)
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("Accept", "text/html")
                .GET().build();
        Http.Response r = suite.http().exchange(request);
        String location = r.header("Location").orElse("");
        if (r.status() == 302 && CLICK_ID.matcher(location).find()) {
            State state = location.startsWith(category(suite) + "&") ? State.LOW
                    : location.startsWith(waitlist(suite) + "?") ? State.OUT_OF_STOCK
                    : location.startsWith(pdp(suite) + "?") ? State.IN_STOCK : null;
            if (state != null) {
                served.merge(state, 1, Integer::sum);
            }
        }
        return r;
    }

    private static Http.Response clickUntil(Suite suite, Duration within, Predicate<String> location) {
        long deadline = System.nanoTime() + within.toNanos();
        Http.Response r;
        do {
            r = click(suite);
            if (r.status() == 302 && location.test(r.header("Location").orElse(""))) {
                return r;
            }
            sleep(200);
        } while (System.nanoTime() < deadline);
        return fail("no click went where expected within " + within.toSeconds() + " s; last answer "
                + r + " Location " + r.header("Location").orElse("(none)"));
    }

    private static String clickId(String location) {
        Matcher m = CLICK_ID.matcher(location);
        assertTrue(m.find(), "the Location ends with a click id: " + location);
        return m.group(1);
    }

    private static <T> T poll(Duration within, String what, Supplier<T> attempt) {
        return poll(within, what, attempt, () -> "");
    }

    private static <T> T poll(Duration within, String what, Supplier<T> attempt, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                return fail("not within " + within.toSeconds() + " s: " + what + " " + lastSeen.get());
            }
            sleep(500);
        }
    }

    private static Map<String, Long> clicksByState(JsonNode report) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (JsonNode row : report.path("rows")) {
            long clicks = row.path("clicks").asLong();
            if (clicks > 0) {
                m.put(row.path("stockState").asText(), clicks);
            }
        }
        return m;
    }

    private static Map<String, Long> expectedAsText(Map<State, Integer> expected) {
        Map<String, Long> m = new LinkedHashMap<>();
        expected.forEach((k, v) -> m.put(k.name(), v.longValue()));
        return m;
    }

    private static Optional<JsonNode> row(JsonNode report, String stockState) {
        for (JsonNode row : report.path("rows")) {
            if (stockState.equals(row.path("stockState").asText())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static JsonNode check(JsonNode checklist, String name) {
        for (JsonNode c : checklist.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return fail("no " + name + " check in " + checklist);
    }

    private static boolean sentTo(Message m, String address) {
        try {
            Address[] to = m.getAllRecipients();
            if (to == null) {
                return false;
            }
            for (Address a : to) {
                if (a.toString().contains(address)) {
                    return true;
                }
            }
            return false;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(Message m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String registry(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.REGISTRY);
    }

    private static String availability(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.AVAILABILITY);
    }

    private static String alerting(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.ALERTING);
    }

    private static String reporting(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.REPORTING);
    }

    private static String redirect(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.REDIRECT);
    }
}
