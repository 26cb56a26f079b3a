package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.linkops.contracts.events.v1.StockState.IN_STOCK;
import static dev.linkops.contracts.events.v1.StockState.OUT_OF_STOCK;
import static dev.linkops.routing.TestLinks.DESKTOP_DE;
import static dev.linkops.routing.TestLinks.NOW;
import static dev.linkops.routing.TestLinks.link;
import static dev.linkops.routing.TestLinks.request;
import static dev.linkops.routing.TestLinks.signals;
import static dev.linkops.routing.TestLinks.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RoutingTreeTest {

    private static final String APP = "https://shop.example/app";
    private static final String SALE = "https://shop.example/sale";

    @Test
    void linkWithoutRulesGoesToTheDefaultDestination() {
        RouteDecision decision = link().route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals(RouteOutcome.ROUTED, decision.outcome());
        assertEquals("default", decision.branch());
        assertEquals(DestinationType.PDP, decision.destinationType());
        assertEquals("https://shop.example/p/SKU-1", decision.destination());
    }

    @Test
    void noMatchingRuleFallsThroughToTheDefaultDestination() {
        RouteDecision decision = link()
                .rule("mobile", when().device("mobile").build(), APP, DestinationType.CUSTOM)
                .rule("french", when().market("FR").build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("default", decision.branch());
        assertEquals("https://shop.example/p/SKU-1", decision.destination());
    }

    @Test
    void firstMatchingRuleWinsOverLaterMatchingRules() {
        RouteDecision decision = link()
                .rule("desktop", when().device("desktop").build(), SALE, DestinationType.CATEGORY)
                .rule("germany", when().market("DE").build(), APP, DestinationType.CUSTOM)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("desktop", decision.branch());
        assertEquals(DestinationType.CATEGORY, decision.destinationType());
        assertEquals(SALE, decision.destination());
    }

    @Test
    void laterRuleWinsWhenEarlierRuleDoesNotMatch() {
        RouteDecision decision = link()
                .rule("mobile", when().device("mobile").build(), APP, DestinationType.CUSTOM)
                .rule("germany", when().market("DE").build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("germany", decision.branch());
        assertEquals(SALE, decision.destination());
    }

    @Test
    void ruleWithoutConditionsAlwaysMatches() {
        RouteDecision decision = link()
                .rule("everyone", null, SALE, DestinationType.CATEGORY)
                .rule("never-reached", when().device("desktop").build(), APP, DestinationType.CUSTOM)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("everyone", decision.branch());
    }

    @Test
    void ruleWithAnEmptyWhenAlwaysMatches() {
        RouteDecision decision = link()
                .rule("everyone", when().build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("everyone", decision.branch());
    }

    @Test
    void everyConditionOfARuleMustHold() {
        var tree = link().rule("mobile-in-france", when().device("mobile").market("FR").build(), APP,
                DestinationType.CUSTOM).compile();

        assertEquals("default", tree.route(AvailabilityView.NONE, request("mobile", "DE", null, null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "FR", null, null), NOW).branch());
        assertEquals("mobile-in-france",
                tree.route(AvailabilityView.NONE, request("mobile", "FR", null, null), NOW).branch());
    }

    @Test
    void stockAndRequestConditionsCombine() {
        var tree = link().rule("mobile-sold-out", when().device("mobile").stockState("primary", OUT_OF_STOCK).build(),
                "https://shop.example/waitlist", DestinationType.WAITLIST).compile();
        var soldOut = signals().put("SKU-1", OUT_OF_STOCK, 0);
        var inStock = signals().put("SKU-1", IN_STOCK, 30);
        RequestContext mobile = request("mobile", "DE", null, null);

        assertEquals("mobile-sold-out", tree.route(soldOut, mobile, NOW).branch());
        assertEquals("default", tree.route(inStock, mobile, NOW).branch());
        assertEquals("default", tree.route(soldOut, DESKTOP_DE, NOW).branch());
    }

    @Test
    void deviceConditionMatchesListedDevices() {
        var tree = link().rule("handheld", when().device("mobile", "tablet").build(), APP, DestinationType.CUSTOM)
                .compile();

        assertEquals("handheld", tree.route(AvailabilityView.NONE, request("mobile", null, null, null), NOW).branch());
        assertEquals("handheld", tree.route(AvailabilityView.NONE, request("tablet", null, null, null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", null, null, null), NOW).branch());
    }

    @Test
    void deviceConditionIgnoresCase() {
        RouteDecision decision = link().rule("mobile", when().device("Mobile").build(), APP, DestinationType.CUSTOM)
                .route(AvailabilityView.NONE, request("MOBILE", null, null, null));

        assertEquals("mobile", decision.branch());
    }

    @Test
    void unknownDeviceNeverMatchesADeviceCondition() {
        RouteDecision decision = link().rule("desktop", when().device("desktop").build(), APP, DestinationType.CUSTOM)
                .route(AvailabilityView.NONE, request(null, "DE", null, null));

        assertEquals("default", decision.branch());
    }

    @Test
    void marketConditionMatchesListedCountriesIgnoringCase() {
        var tree = link().rule("dach", when().market("de", "AT", "ch").build(), SALE, DestinationType.CATEGORY)
                .compile();

        assertEquals("dach", tree.route(AvailabilityView.NONE, request("desktop", "DE", null, null), NOW).branch());
        assertEquals("dach", tree.route(AvailabilityView.NONE, request("desktop", "at", null, null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "FR", null, null), NOW).branch());
    }

    @Test
    void unknownMarketNeverMatchesAMarketCondition() {
        RouteDecision decision = link().rule("dach", when().market("DE").build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, request("desktop", null, null, null));

        assertEquals("default", decision.branch());
    }

    @Test
    void languageConditionMatchesListedLanguagesIgnoringCase() {
        var tree = link().rule("english", when().language("EN").build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals("english", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en", null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "DE", "de", null), NOW).branch());
    }

    @Test
    void languageConditionOnAPrimaryTagMatchesEveryRegionOfIt() {
        var tree = link().rule("english", when().language("en").build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals("english", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en-GB", null), NOW).branch());
        assertEquals("english", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en_us", null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "DE", "eng", null), NOW).branch());
    }

    @Test
    void languageConditionWithARegionDoesNotMatchOtherRegions() {
        var tree = link().rule("british", when().language("en-GB").build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals("british", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en-gb", null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en-US", null), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "DE", "en", null), NOW).branch());
    }

    @Test
    void unknownLanguageNeverMatchesALanguageCondition() {
        RouteDecision decision = link().rule("english", when().language("en").build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, request("desktop", "DE", null, null));

        assertEquals("default", decision.branch());
    }

    @Test
    void segmentConditionMatchesListedSegmentsIgnoringCase() {
        var tree = link().rule("vip", when().segment("vip", "Loyalty-Gold").build(), SALE, DestinationType.CATEGORY)
                .compile();

        assertEquals("vip", tree.route(AvailabilityView.NONE, request("desktop", "DE", null, "VIP"), NOW).branch());
        assertEquals("vip", tree.route(AvailabilityView.NONE, request("desktop", "DE", null, "loyalty-gold"), NOW).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, request("desktop", "DE", null, "new"), NOW).branch());
    }

    @Test
    void visitorWithoutSegmentNeverMatchesASegmentCondition() {
        RouteDecision decision = link().rule("vip", when().segment("vip").build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, request("desktop", "DE", null, null));

        assertEquals("default", decision.branch());
    }

    @Test
    void timeWindowIncludesItsStartAndExcludesItsEnd() {
        Instant from = Instant.parse("2025-06-02T10:00:00Z");
        Instant to = Instant.parse("2025-06-02T14:00:00Z");
        var tree = link().rule("flash-sale", when().time(from, to).build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals("default", tree.route(AvailabilityView.NONE, DESKTOP_DE, from.minusNanos(1)).branch());
        assertEquals("flash-sale", tree.route(AvailabilityView.NONE, DESKTOP_DE, from).branch());
        assertEquals("flash-sale", tree.route(AvailabilityView.NONE, DESKTOP_DE, to.minusNanos(1)).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, DESKTOP_DE, to).branch());
    }

    @Test
    void timeWindowWithOnlyAStartIsOpenEnded() {
        Instant from = Instant.parse("2025-06-02T10:00:00Z");
        var tree = link().rule("after-launch", when().time(from, null).build(), SALE, DestinationType.CATEGORY)
                .compile();

        assertEquals("default", tree.route(AvailabilityView.NONE, DESKTOP_DE, from.minusSeconds(1)).branch());
        assertEquals("after-launch", tree.route(AvailabilityView.NONE, DESKTOP_DE, from.plusSeconds(86_400 * 365L)).branch());
    }

    @Test
    void timeWindowWithOnlyAnEndIsOpenStarted() {
        Instant to = Instant.parse("2025-06-02T10:00:00Z");
        var tree = link().rule("early-bird", when().time(null, to).build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals("early-bird", tree.route(AvailabilityView.NONE, DESKTOP_DE, Instant.EPOCH).branch());
        assertEquals("default", tree.route(AvailabilityView.NONE, DESKTOP_DE, to).branch());
    }

    @Test
    void timeWindowWithBothEndsOpenAlwaysMatches() {
        RouteDecision decision = link().rule("always", when().time(null, null).build(), SALE, DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("always", decision.branch());
    }

    @Test
    void routedDecisionCarriesTheRulesDestinationType() {
        for (DestinationType type : DestinationType.values()) {
            RouteDecision decision = link().rule("typed", null, SALE, type).route(AvailabilityView.NONE, DESKTOP_DE);

            assertEquals(type, decision.destinationType());
        }
    }

    @Test
    void defaultDestinationCarriesItsOwnType() {
        RouteDecision decision = link().destination("https://shop.example/", DestinationType.HOME)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals(DestinationType.HOME, decision.destinationType());
        assertEquals("https://shop.example/", decision.destination());
    }

    @Test
    void routingTheSameCompiledLinkTwiceGivesEqualDecisions() {
        var tree = link().rule("germany", when().market("DE").build(), SALE, DestinationType.CATEGORY).compile();

        assertEquals(tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW), tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW));
    }

    @Test
    void compiledLinkExposesWhatTheRedirectNeeds() {
        CompiledLink tree = link().utm("source", "newsletter").redirectStatus(307).compile();

        assertEquals(TestLinks.LINK_ID, tree.linkId());
        assertEquals("spring", tree.code());
        assertEquals(3, tree.version());
        assertEquals(307, tree.redirectStatus());
        assertEquals(true, tree.clickIdEnabled());
        assertEquals("utm_source=newsletter", tree.utm().pair(0));
        assertEquals("spring", tree.link().code());
    }

    @Test
    void unsetRedirectStatusMeans302() {
        assertEquals(302, link().redirectStatus(0).compile().redirectStatus());
    }
}
