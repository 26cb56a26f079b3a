package dev.linkops.reporting.api;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.AlertRaised;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.reporting.support.Fixtures;
import dev.linkops.reporting.support.Intake;
import dev.linkops.reporting.support.Tokens;
import dev.linkops.reporting.support.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReportsTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    Intake intake;

    /** 4 in-stock clicks (2 purchases, 200 USD), 2 out-of-stock clicks (1 bounce), 1 bot click, on two devices. */
    private record Seeded(String campaign, LinkPublished link, List<ClickRecorded> clicks) {
    }

    private Seeded seed() {
        String campaign = "rep-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "paid_social", "SKU-R1");
        List<ClickRecorded> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default",
                    i % 2 == 0 ? "mobile" : "desktop", "US", false, T.plusSeconds(60L * i)));
        }
        for (int i = 0; i < 2; i++) {
            clicks.add(Fixtures.click(UUID.randomUUID(), link, StockState.OUT_OF_STOCK, "sold-out", "mobile", "CA",
                    false, T.plusSeconds(3600 + 60L * i)));
        }
        clicks.add(Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "desktop", "US", true,
                T.plusSeconds(30)));
        intake.clicks(clicks.toArray(ClickRecorded[]::new));
        given().auth().oauth2(Tokens.of("service")).contentType(ContentType.JSON).body(List.of(
                Map.of("clickId", clicks.get(0).clickId().toString(), "type", "purchase", "revenue", 150,
                        "currency", "USD", "at", T.plusSeconds(900).toString()),
                Map.of("clickId", clicks.get(1).clickId().toString(), "type", "purchase", "revenue", 50,
                        "currency", "USD", "at", T.plusSeconds(900).toString()),
                Map.of("clickId", clicks.get(4).clickId().toString(), "type", "bounce",
                        "at", T.plusSeconds(3700).toString())))
                .post("/api/events").then().statusCode(200).body("attached", equalTo(3));
        return new Seeded(campaign, link, clicks);
    }

    private static JsonPath json(String path, Map<String, ?> params) {
        return given().auth().oauth2(Tokens.of("marketing")).queryParams(params).accept(ContentType.JSON)
                .get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void csvCarriesExactlyTheRowsOfTheJson() {
        Seeded s = seed();
        Map<String, String> params = Map.of("from", "2026-11-22", "to", "2026-11-22",
                "groupBy", "stockState,branch,device");
        JsonPath json = json("/api/reports/campaigns/" + s.campaign(), params);
        String csv = given().auth().oauth2(Tokens.of("analytics")).queryParams(params).accept("text/csv")
                .get("/api/reports/campaigns/{c}", s.campaign())
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();

        String[] lines = csv.split("\r\n");
        List<Map<String, Object>> rows = json.getList("rows");
        assertEquals(rows.size() + 1, lines.length);
        List<String> header = List.of(lines[0].split(","));
        assertEquals(new ArrayList<>(rows.get(0).keySet()), header);
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines[i + 1].split(",", -1);
            for (int c = 0; c < header.size(); c++) {
                Object expected = rows.get(i).get(header.get(c));
                if (expected == null) {
                    assertEquals("", cells[c], header.get(c));
                } else if (expected instanceof Number n) {
                    assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(cells[c])),
                            header.get(c) + " row " + i);
                } else {
                    assertEquals(expected.toString(), cells[c], header.get(c));
                }
            }
        }
        assertEquals(3, rows.size()); // IN_STOCK/default/desktop, IN_STOCK/default/mobile, OUT_OF_STOCK/sold-out/mobile
    }

    @Test
    void botClicksAreLeftOutUnlessAskedFor() {
        Seeded s = seed();
        Map<String, String> params = Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "stockState");
        assertEquals(6, json("/api/reports/campaigns/" + s.campaign(), params).getInt("totals.clicks"));
        Map<String, String> withBots = new java.util.HashMap<>(params);
        withBots.put("includeBots", "true");
        assertEquals(7, json("/api/reports/campaigns/" + s.campaign(), withBots).getInt("totals.clicks"));
    }

    @Test
    void outOfStockClicksAreCountedAsLostWithTheRevenueTheyLikelyCost() {
        Seeded s = seed();
        JsonPath r = json("/api/reports/campaigns/" + s.campaign(), Map.of("from", "2026-11-22", "to", "2026-11-22"));
        // in stock: 200 USD over 4 clicks = 50 per click; 2 out-of-stock clicks earned nothing
        assertEquals(2, r.getInt("lostToOutOfStock.clicks"));
        assertEquals(50.0f, r.getFloat("lostToOutOfStock.inStockRevenuePerClick"));
        assertEquals(100.0f, r.getFloat("lostToOutOfStock.estimatedLostRevenue"));
        assertEquals(0.5f, r.getFloat("postStockoutAbandonment"));
        assertEquals("rollup", r.getString("source"));
    }

    @Test
    void aRangeThatIsNotWholeDaysReadsTheFactsAndAgreesWithTheRollup() {
        Seeded s = seed();
        Map<String, String> days = Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "stockState,device,market");
        Map<String, String> instants = Map.of("from", "2026-11-22T00:00:00.001Z", "to", "2026-11-22T23:59:59Z",
                "groupBy", "stockState,device,market");
        JsonPath rollup = json("/api/reports/campaigns/" + s.campaign(), days);
        JsonPath facts = json("/api/reports/campaigns/" + s.campaign(), instants);
        assertEquals("facts", facts.getString("source"));
        assertEquals(rollup.getList("rows"), facts.getList("rows"));
        assertEquals(rollup.getMap("totals"), facts.getMap("totals"));
    }

    @Test
    void aVisitorIsOneUniqueClickPerLinkAndDayCountedWhereItFirstClicked() {
        String campaign = "uniq-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "email", "SKU-U1");
        String ann = "a".repeat(32), bob = "b".repeat(32), annNextDay = "c".repeat(32);
        ClickRecorded annFirst = Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "mobile",
                "US", false, T, ann);
        intake.clicks(
                // Ann clicks three times on the 22nd: in stock first, then twice after the sell-out
                annFirst,
                Fixtures.click(UUID.randomUUID(), link, StockState.OUT_OF_STOCK, "sold-out", "mobile", "US", false,
                        T.plusSeconds(7200), ann),
                Fixtures.click(UUID.randomUUID(), link, StockState.OUT_OF_STOCK, "sold-out", "mobile", "US", false,
                        T.plusSeconds(7300), ann),
                Fixtures.click(UUID.randomUUID(), link, StockState.OUT_OF_STOCK, "sold-out", "desktop", "US", false,
                        T.plusSeconds(7400), bob),
                // a click without a visitor key cannot be matched to anyone: it counts as unique
                Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "desktop", "US", false,
                        T.plusSeconds(60), null),
                // the next day Ann's key is another one: she is a new unique click
                Fixtures.click(UUID.randomUUID(), link, StockState.IN_STOCK, "default", "mobile", "US", false,
                        T.plus(Duration.ofDays(1)), annNextDay));
        // a redelivery changes nothing (clicks are handled in order: once the marker is in, so was it)
        LinkPublished other = intake.link("uniq-other-" + UUID.randomUUID(), "email", "SKU-U2");
        intake.clicks(annFirst, Fixtures.click(UUID.randomUUID(), other, StockState.IN_STOCK, "default", "mobile",
                "US", false, T, ann));

        String path = "/api/reports/campaigns/" + campaign;
        JsonPath oneDay = json(path, Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "stockState"));
        assertEquals(5, oneDay.getInt("totals.clicks"));
        assertEquals(3, oneDay.getInt("totals.uniqueClicks"));
        assertEquals(Map.of("stockState", "IN_STOCK", "clicks", 2, "uniqueClicks", 2),
                pick(oneDay.getMap("rows[0]"), "stockState", "clicks", "uniqueClicks"));
        assertEquals(Map.of("stockState", "OUT_OF_STOCK", "clicks", 3, "uniqueClicks", 1),
                pick(oneDay.getMap("rows[1]"), "stockState", "clicks", "uniqueClicks"));

        JsonPath twoDays = json(path, Map.of("from", "2026-11-22", "to", "2026-11-23", "groupBy", "day"));
        assertEquals(4, twoDays.getInt("totals.uniqueClicks"));
        JsonPath facts = json(path, Map.of("from", "2026-11-22T00:00:00.001Z", "to", "2026-11-23T23:59:59Z",
                "groupBy", "day"));
        assertEquals("facts", facts.getString("source"));
        assertEquals(twoDays.getList("rows"), facts.getList("rows"));
    }

    private static Map<String, Object> pick(Map<String, Object> row, String... keys) {
        Map<String, Object> picked = new java.util.HashMap<>();
        for (String k : keys) {
            picked.put(k, row.get(k));
        }
        return picked;
    }

    @Test
    void filtersNarrowTheClicksCounted() {
        Seeded s = seed();
        String path = "/api/reports/campaigns/" + s.campaign();
        assertEquals(4, json(path, Map.of("from", "2026-11-22", "to", "2026-11-22", "market", "us"))
                .getInt("totals.clicks"));
        assertEquals(4, json(path, Map.of("from", "2026-11-22", "to", "2026-11-22", "device", "mobile"))
                .getInt("totals.clicks"));
        assertEquals(0, json(path, Map.of("from", "2026-11-22", "to", "2026-11-22", "channel", "email"))
                .getInt("totals.clicks"));
        assertEquals(6, json("/api/reports/links/" + s.link().linkId(), Map.of("from", "2026-11-22", "to", "2026-11-22"))
                .getInt("totals.clicks"));
        assertEquals(1, json(path, Map.of("from", "2026-11-22T10:00:00Z", "to", "2026-11-22T10:01:00Z"))
                .getInt("totals.clicks"));
    }

    @Test
    void impressionsGiveTheClickThroughRate() {
        Seeded s = seed();
        given().auth().oauth2(Tokens.of("analytics")).contentType("text/csv")
                .body("campaign,channel,day,impressions,spend,currency\n" + s.campaign() + ",paid_social,2026-11-22,300,60.00,USD\n")
                .post("/api/impressions").then().statusCode(200).body("imported", equalTo(1));
        JsonPath r = json("/api/reports/campaigns/" + s.campaign(),
                Map.of("from", "2026-11-22", "to", "2026-11-22", "groupBy", "channel"));
        assertEquals(300, r.getInt("impressions"));
        assertEquals(0.02f, r.getFloat("ctr"));
        assertEquals(10.0f, r.getFloat("costPerClick"));
        assertEquals(0.02f, r.getFloat("rows[0].ctr"));

        // a corrected import replaces the day's figures
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body(List.of(Map.of("campaign", s.campaign(), "channel", "paid_social", "day", "2026-11-22",
                        "impressions", 600, "spend", 60)))
                .post("/api/impressions").then().statusCode(200);
        assertEquals(0.01f, json("/api/reports/campaigns/" + s.campaign(),
                Map.of("from", "2026-11-22", "to", "2026-11-22")).getFloat("ctr"));
    }

    @Test
    void aBadImpressionLineIsNamedAndNothingIsImported() {
        String campaign = "imp-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("analytics")).contentType("text/csv")
                .body("campaign,channel,day,impressions,spend\n" + campaign + ",email,2026-11-22,10,1\n"
                        + campaign + ",email,2026-13-01,-5,1\n")
                .post("/api/impressions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("/line/3/day"))
                .body("errors.field", hasItem("/line/3/impressions"));
        assertEquals(0, intake.count("SELECT count(*) FROM impression WHERE campaign = ?", campaign));
    }

    @Test
    void theStockComparisonSplitsEachCreativeIntoInStockAndUnstable() {
        Seeded s = seed();
        JsonPath r = json("/api/reports/campaigns/" + s.campaign() + "/stock-comparison",
                Map.of("from", "2026-11-22", "to", "2026-11-22"));
        assertEquals(1, r.getList("creatives").size());
        assertEquals(4, r.getInt("creatives[0].inStock.clicks"));
        assertEquals(2, r.getInt("creatives[0].unstable.clicks"));
        assertEquals(0.5f, r.getFloat("creatives[0].stockDrivenDropOff"));
        assertEquals(0.0f, r.getFloat("creatives[0].messageDrivenDropOff"));
    }

    @Test
    void theTimelineShowsHourlyClicksWithStockTransitionsAndAlerts() {
        Seeded s = seed();
        intake.send(Addresses.AVAILABILITY, Fixtures.stock("SKU-R1", StockState.OUT_OF_STOCK, StockState.LOW, 7,
                T.plusSeconds(3000), Duration.ofSeconds(4)));
        AlertRaised alert = Fixtures.alert(s.link().linkId(), "SKU-R1", T.plusSeconds(3100));
        intake.send(Addresses.ALERTS, alert);
        Waits.until("signals stored", Intake.WAIT, () -> intake.count(
                "SELECT count(*) FROM alert_log WHERE alert_id = ?", alert.alertId()) == 1 && intake.count(
                "SELECT count(*) FROM availability_transition WHERE sku = 'SKU-R1' AND sequence = 7") == 1);

        JsonPath t = json("/api/reports/links/" + s.link().linkId() + "/timeline",
                Map.of("from", "2026-11-22", "to", "2026-11-22"));
        assertEquals(List.of("2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z"), t.getList("buckets.hour"));
        assertEquals(List.of("IN_STOCK", "OUT_OF_STOCK"), t.getList("buckets.stockState"));
        assertEquals(List.of(4, 2), t.getList("buckets.clicks"));
        assertEquals("hourly", t.getString("source"));
        JsonPath facts = json("/api/reports/links/" + s.link().linkId() + "/timeline",
                Map.of("from", "2026-11-22T00:00:00.001Z", "to", "2026-11-22T23:59:59Z"));
        assertEquals("facts", facts.getString("source"));
        assertEquals(t.getList("buckets"), facts.getList("buckets"));
        assertEquals("OUT_OF_STOCK", t.getString("transitions[0].state"));
        assertEquals(alert.alertId().toString(), t.getString("alerts[0].alertId"));
        JsonPath c = json("/api/reports/campaigns/" + s.campaign() + "/timeline",
                Map.of("from", "2026-11-22", "to", "2026-11-22"));
        assertEquals(t.getList("buckets"), c.getList("buckets"));
    }

    @Test
    void theOpsViewShowsInStockRateFeedLagAndAuditHealth() {
        Seeded s = seed();
        LinkPublished second = intake.link(s.campaign(), "paid_social", "SKU-R2");
        Instant now = Instant.now();
        intake.send(Addresses.AUDITS, Fixtures.audit(s.link().linkId(), false, now.minusSeconds(120)));
        intake.send(Addresses.AUDITS, Fixtures.audit(s.link().linkId(), true, now.minusSeconds(60)));
        intake.send(Addresses.AUDITS, Fixtures.audit(second.linkId(), false, now.minusSeconds(60)));
        intake.send(Addresses.AVAILABILITY, Fixtures.stock("SKU-R2", StockState.LOW, StockState.IN_STOCK, 3,
                now.minusSeconds(30), Duration.ofMillis(1500)));
        Waits.until("audits stored", Intake.WAIT, () -> intake.count(
                "SELECT count(*) FROM destination_audit WHERE link_id IN (?, ?)", s.link().linkId(), second.linkId()) == 3);

        JsonPath ops = json("/api/reports/ops", Map.of("campaign", s.campaign(), "from", "2026-11-22"));
        assertEquals(6, ops.getInt("clicks"));
        assertEquals(0.6667f, ops.getFloat("promotedSkuInStockRate"));
        assertEquals(2, ops.getInt("audits.liveLinks"));
        assertEquals(1, ops.getInt("audits.passingLiveLinks"));
        assertEquals(0.5f, ops.getFloat("audits.passingShare"));
        assertTrue(ops.getLong("feedLag.signals") >= 1);
        assertTrue(ops.getFloat("feedLag.maxMs") >= 1500f);
    }

    @Test
    void badReportParametersAreProblemsNamingTheParameter() {
        given().auth().oauth2(Tokens.of("analytics")).get("/api/reports/campaigns/x?groupBy=stockState,colour")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(Tokens.of("analytics")).get("/api/reports/campaigns/x?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.of("analytics")).get("/api/reports/campaigns/x?from=2026-11-05&to=2026-11-01")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.of("analytics")).get("/api/reports/links/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("linkId"));
        JsonPath empty = json("/api/reports/campaigns/nothing-here", Map.of());
        assertEquals(0, empty.getList("rows").size());
        assertNull(empty.get("ctr"));
    }
}
