package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.linkops.contracts.events.v1.StockState.BACKORDER;
import static dev.linkops.contracts.events.v1.StockState.IN_STOCK;
import static dev.linkops.contracts.events.v1.StockState.LOW;
import static dev.linkops.contracts.events.v1.StockState.OUT_OF_STOCK;
import static dev.linkops.contracts.events.v1.StockState.UNKNOWN;
import static dev.linkops.routing.TestLinks.DESKTOP_DE;
import static dev.linkops.routing.TestLinks.NOW;
import static dev.linkops.routing.TestLinks.availableAtMost;
import static dev.linkops.routing.TestLinks.link;
import static dev.linkops.routing.TestLinks.percentOfBaselineAtMost;
import static dev.linkops.routing.TestLinks.request;
import static dev.linkops.routing.TestLinks.signals;
import static dev.linkops.routing.TestLinks.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StockRoutingTest {

    private static final String WAITLIST = "https://shop.example/waitlist/{sku}";
    private static final String ALTERNATIVE = "https://shop.example/similar/{sku}";
    private static final Duration FRESH = Duration.ofMinutes(1);

    private static TestLinks.Link waitlistWhenPrimaryIsOutOfStock() {
        return link().rule("sold-out", stock("primary", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST);
    }

    @Test
    void outOfStockPrimarySkuRoutesToWaitlist() {
        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock()
                .route(signals().put("SKU-1", OUT_OF_STOCK, 0), DESKTOP_DE);

        assertEquals(RouteOutcome.ROUTED, decision.outcome());
        assertEquals("sold-out", decision.branch());
        assertEquals(DestinationType.WAITLIST, decision.destinationType());
        assertEquals("https://shop.example/waitlist/SKU-1", decision.destination());
    }

    @Test
    void inStockPrimarySkuGoesToTheDefaultDestination() {
        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock()
                .route(signals().put("SKU-1", IN_STOCK, 25), DESKTOP_DE);

        assertEquals("default", decision.branch());
        assertEquals("https://shop.example/p/SKU-1", decision.destination());
    }

    @Test
    void stateConditionMatchesAnyOfItsListedStates() {
        var tree = link().rule("scarce", stock("primary", LOW, OUT_OF_STOCK, BACKORDER), ALTERNATIVE,
                DestinationType.ALTERNATIVE).compile();

        assertEquals("scarce", tree.route(signals().put("SKU-1", LOW, 3), DESKTOP_DE, NOW).branch());
        assertEquals("scarce", tree.route(signals().put("SKU-1", BACKORDER, 0), DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", IN_STOCK, 90), DESKTOP_DE, NOW).branch());
    }

    @Test
    void primaryMeansTheFirstSkuOnly() {
        var tree = waitlistWhenPrimaryIsOutOfStock().skus("SKU-1", "SKU-2").compile();

        assertEquals("default", tree.route(signals().put("SKU-1", IN_STOCK, 5).put("SKU-2", OUT_OF_STOCK, 0),
                DESKTOP_DE, NOW).branch());
        assertEquals("sold-out", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0).put("SKU-2", IN_STOCK, 9),
                DESKTOP_DE, NOW).branch());
    }

    @Test
    void anySkuMatchesWhenOneOfTheLinksSkusIsInTheState() {
        var tree = link().skus("SKU-1", "SKU-2", "SKU-3")
                .rule("one-gone", stock("any", OUT_OF_STOCK), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        assertEquals("one-gone", tree.route(signals().put("SKU-1", IN_STOCK, 5).put("SKU-2", IN_STOCK, 5)
                .put("SKU-3", OUT_OF_STOCK, 0), DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", IN_STOCK, 5).put("SKU-2", LOW, 1)
                .put("SKU-3", IN_STOCK, 5), DESKTOP_DE, NOW).branch());
    }

    @Test
    void allSkusMatchOnlyWhenEverySkuIsInTheState() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("bundle-gone", stock("all", OUT_OF_STOCK), "https://shop.example/c/bundles",
                        DestinationType.CATEGORY).compile();

        assertEquals("bundle-gone", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0).put("SKU-2", OUT_OF_STOCK, 0),
                DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0).put("SKU-2", LOW, 2),
                DESKTOP_DE, NOW).branch());
    }

    @Test
    void allSkusCountsAMissingSignalAsUnknown() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("bundle-gone", stock("all", OUT_OF_STOCK), "https://shop.example/c/bundles",
                        DestinationType.CATEGORY).compile();

        assertEquals("default", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0), DESKTOP_DE, NOW).branch());
    }

    @Test
    void literalSkuConditionLooksAtThatSku() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("second-gone", stock("SKU-2", OUT_OF_STOCK), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        assertEquals("second-gone", tree.route(signals().put("SKU-1", IN_STOCK, 5).put("SKU-2", OUT_OF_STOCK, 0),
                DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0).put("SKU-2", IN_STOCK, 5),
                DESKTOP_DE, NOW).branch());
    }

    @Test
    void literalSkuOutsideTheLinkIsReadAndReportedAfterTheLinksSkus() {
        var availability = signals().put("SKU-1", IN_STOCK, 5).put("CASE-9", OUT_OF_STOCK, 0);
        RouteDecision decision = link()
                .rule("no-case", stock("CASE-9", OUT_OF_STOCK), ALTERNATIVE, DestinationType.ALTERNATIVE)
                .route(availability, DESKTOP_DE);

        assertEquals("no-case", decision.branch());
        assertEquals(List.of(new SkuAtClick("SKU-1", IN_STOCK, 5L, 60_000L),
                new SkuAtClick("CASE-9", OUT_OF_STOCK, 0L, 60_000L)), decision.skus());
    }

    @Test
    void anyAndAllRangeOverTheLinksSkusOnly() {
        var tree = link().skus("SKU-1")
                .rule("no-case", stock("CASE-9", IN_STOCK), ALTERNATIVE, DestinationType.ALTERNATIVE)
                .rule("all-gone", stock("all", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST).compile();

        RouteDecision decision = tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0).put("CASE-9", LOW, 1),
                DESKTOP_DE, NOW);

        assertEquals("all-gone", decision.branch());
    }

    @Test
    void missingSignalIsUnknown() {
        var tree = link().rule("unknown", stock("primary", UNKNOWN), "https://shop.example/c/shoes",
                DestinationType.CATEGORY).compile();

        RouteDecision decision = tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW);

        assertEquals("unknown", decision.branch());
        assertEquals(List.of(new SkuAtClick("SKU-1", UNKNOWN, null, null)), decision.skus());
    }

    @Test
    void missingSignalDoesNotMatchOutOfStock() {
        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("default", decision.branch());
    }

    @Test
    void signalOlderThanFifteenMinutesIsUnknownByDefault() {
        var stale = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, Duration.ofMinutes(15).plusMillis(1));
        var tree = waitlistWhenPrimaryIsOutOfStock()
                .rule("unknown", stock("primary", UNKNOWN), "https://shop.example/c/shoes", DestinationType.CATEGORY)
                .compile();

        RouteDecision decision = tree.route(stale, DESKTOP_DE, NOW);

        assertEquals("unknown", decision.branch());
        assertEquals(List.of(new SkuAtClick("SKU-1", UNKNOWN, 0L, 900_001L)), decision.skus());
    }

    @Test
    void signalExactlyAsOldAsTheMaximumIsStillFresh() {
        var edge = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, Duration.ofMinutes(15));

        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().route(edge, DESKTOP_DE);

        assertEquals("sold-out", decision.branch());
        assertEquals(List.of(new SkuAtClick("SKU-1", OUT_OF_STOCK, 0L, 900_000L)), decision.skus());
    }

    @Test
    void linkMaxSignalAgeOverridesTheDefault() {
        var twoMinutesOld = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, Duration.ofMinutes(2));

        assertEquals("default", waitlistWhenPrimaryIsOutOfStock().maxSignalAge(Duration.ofMinutes(1))
                .route(twoMinutesOld, DESKTOP_DE).branch());
        assertEquals("sold-out", waitlistWhenPrimaryIsOutOfStock().maxSignalAge(Duration.ofHours(1))
                .route(twoMinutesOld, DESKTOP_DE).branch());
    }

    @Test
    void signalFromAClockAheadOfOursCountsAsJustObserved() {
        var ahead = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, Duration.ofSeconds(-30));

        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().route(ahead, DESKTOP_DE);

        assertEquals("sold-out", decision.branch());
        assertEquals(List.of(new SkuAtClick("SKU-1", OUT_OF_STOCK, 0L, 0L)), decision.skus());
    }

    @Test
    void freshUnknownStateFromTheFeedMatchesUnknown() {
        var tree = link().rule("unknown", stock("primary", UNKNOWN), "https://shop.example/c/shoes",
                DestinationType.CATEGORY).compile();

        assertEquals("unknown", tree.route(signals().put("SKU-1", UNKNOWN, 4), DESKTOP_DE, NOW).branch());
    }

    @Test
    void unknownStockIsRoutedOnlyWhereTheTreeSaysSo() {
        var tree = link()
                .rule("sold-out", stock("primary", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST)
                .rule("unknown", stock("primary", UNKNOWN), "https://shop.example/c/shoes", DestinationType.CATEGORY)
                .compile();

        assertEquals("https://shop.example/c/shoes", tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW).destination());
        assertEquals("https://shop.example/p/SKU-1",
                tree.route(signals().put("SKU-1", IN_STOCK, 3), DESKTOP_DE, NOW).destination());
    }

    @Test
    void availableAtMostMatchesUpToAndIncludingTheLimit() {
        var tree = link().rule("last-units", availableAtMost("primary", 5), ALTERNATIVE, DestinationType.ALTERNATIVE)
                .compile();

        assertEquals("last-units", tree.route(signals().put("SKU-1", LOW, 5), DESKTOP_DE, NOW).branch());
        assertEquals("last-units", tree.route(signals().put("SKU-1", OUT_OF_STOCK, 0), DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", IN_STOCK, 6), DESKTOP_DE, NOW).branch());
    }

    @Test
    void availableAtMostZeroMatchesOversoldStock() {
        RouteDecision decision = link().rule("gone", availableAtMost("primary", 0), WAITLIST, DestinationType.WAITLIST)
                .route(signals().put("SKU-1", BACKORDER, -4), DESKTOP_DE);

        assertEquals("gone", decision.branch());
    }

    @Test
    void staleSignalNeverMatchesAQuantityCondition() {
        var stale = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, 100L, Duration.ofHours(2));

        assertEquals("default", link().rule("gone", availableAtMost("primary", 0), WAITLIST, DestinationType.WAITLIST)
                .route(stale, DESKTOP_DE).branch());
        assertEquals("default", link().rule("low", percentOfBaselineAtMost("primary", 5), WAITLIST,
                DestinationType.WAITLIST).route(stale, DESKTOP_DE).branch());
    }

    @Test
    void missingSignalNeverMatchesAQuantityCondition() {
        RouteDecision decision = link().rule("gone", availableAtMost("primary", 1_000_000), WAITLIST,
                DestinationType.WAITLIST).route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals("default", decision.branch());
    }

    @Test
    void unknownStateFromTheFeedNeverMatchesAQuantityCondition() {
        RouteDecision decision = link().rule("gone", availableAtMost("primary", 10), WAITLIST, DestinationType.WAITLIST)
                .route(signals().put("SKU-1", UNKNOWN, 0), DESKTOP_DE);

        assertEquals("default", decision.branch());
    }

    @Test
    void availableAtMostOverAllSkusNeedsEveryOneKnownAndLow() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("bundle-low", availableAtMost("all", 2), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        assertEquals("bundle-low", tree.route(signals().put("SKU-1", LOW, 2).put("SKU-2", LOW, 1),
                DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", LOW, 2).put("SKU-2", IN_STOCK, 3),
                DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", LOW, 2), DESKTOP_DE, NOW).branch());
    }

    @Test
    void availableAtMostOverAnySkuNeedsOneKnownAndLow() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("some-low", availableAtMost("any", 2), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        assertEquals("some-low", tree.route(signals().put("SKU-2", LOW, 1), DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", IN_STOCK, 40).put("SKU-2", IN_STOCK, 30),
                DESKTOP_DE, NOW).branch());
    }

    @Test
    void heroSkuAtFivePercentOfBaselineRoutesToAlternative() {
        var tree = link().rule("hero-low", percentOfBaselineAtMost("primary", 5), ALTERNATIVE,
                DestinationType.ALTERNATIVE).compile();

        assertEquals("hero-low", tree.route(signals().put("SKU-1", "DE", LOW, 50, 1000L, FRESH), DESKTOP_DE, NOW).branch());
        assertEquals("hero-low", tree.route(signals().put("SKU-1", "DE", LOW, 12, 1000L, FRESH), DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(signals().put("SKU-1", "DE", LOW, 51, 1000L, FRESH), DESKTOP_DE, NOW).branch());
    }

    @Test
    void percentOfBaselineComparesWithoutRounding() {
        var tree = link().rule("low", percentOfBaselineAtMost("primary", 5), ALTERNATIVE, DestinationType.ALTERNATIVE)
                .compile();

        // 1 of 19 is 5.26 %: integer division would call it 5 %
        assertEquals("default", tree.route(signals().put("SKU-1", "DE", LOW, 1, 19L, FRESH), DESKTOP_DE, NOW).branch());
        assertEquals("low", tree.route(signals().put("SKU-1", "DE", LOW, 1, 20L, FRESH), DESKTOP_DE, NOW).branch());
    }

    @Test
    void percentOfBaselineNeverMatchesWithoutABaseline() {
        var tree = link().rule("low", percentOfBaselineAtMost("primary", 50), ALTERNATIVE, DestinationType.ALTERNATIVE)
                .compile();

        assertEquals("default", tree.route(signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, FRESH), DESKTOP_DE, NOW)
                .branch());
        assertEquals("default", tree.route(signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, 0L, FRESH), DESKTOP_DE, NOW)
                .branch());
    }

    @Test
    void percentOfBaselineOverAnySkuMatchesOneDepletedSku() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("one-low", percentOfBaselineAtMost("any", 10), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        RouteDecision decision = tree.route(signals()
                .put("SKU-1", "DE", IN_STOCK, 80, 100L, FRESH)
                .put("SKU-2", "DE", LOW, 9, 100L, FRESH), DESKTOP_DE, NOW);

        assertEquals("one-low", decision.branch());
    }

    @Test
    void percentOfBaselineOverAllSkusFailsWhenOneHasNoBaseline() {
        var tree = link().skus("SKU-1", "SKU-2")
                .rule("all-low", percentOfBaselineAtMost("all", 10), ALTERNATIVE, DestinationType.ALTERNATIVE).compile();

        RouteDecision decision = tree.route(signals()
                .put("SKU-1", "DE", LOW, 1, 100L, FRESH)
                .put("SKU-2", "DE", LOW, 1, null, FRESH), DESKTOP_DE, NOW);

        assertEquals("default", decision.branch());
    }

    @Test
    void signalsAreReadForTheRequestMarketWhenTheLinkServesIt() {
        var availability = signals().put("SKU-1", "FR", OUT_OF_STOCK, 0, null, FRESH).put("SKU-1", "DE", IN_STOCK, 9, null, FRESH);

        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().route(availability, request("desktop", "fr", null, null));

        assertEquals("sold-out", decision.branch());
        assertEquals(List.of("SKU-1@FR"), availability.lookups);
    }

    @Test
    void signalsAreReadForTheLinksFirstMarketWhenTheRequestMarketIsNotServed() {
        var availability = signals().put("SKU-1", "DE", OUT_OF_STOCK, 0, null, FRESH);

        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().route(availability, request("desktop", "US", null, null));

        assertEquals("sold-out", decision.branch());
        assertEquals(List.of("SKU-1@DE"), availability.lookups);
    }

    @Test
    void signalsAreReadForTheLinksFirstMarketWhenTheRequestHasNoMarket() {
        var availability = signals();

        waitlistWhenPrimaryIsOutOfStock().route(availability, request("desktop", null, null, null));

        assertEquals(List.of("SKU-1@DE"), availability.lookups);
    }

    @Test
    void signalsAreReadWithoutMarketWhenTheLinkHasNoMarkets() {
        var availability = signals().put("SKU-1", null, OUT_OF_STOCK, 0, null, FRESH);

        RouteDecision decision = waitlistWhenPrimaryIsOutOfStock().markets(List.of())
                .route(availability, request("desktop", "DE", null, null));

        assertEquals("sold-out", decision.branch());
        assertEquals(List.of("SKU-1@null"), availability.lookups);
    }

    @Test
    void linkMarketsAreReadInUpperCase() {
        var availability = signals();

        link().markets("de", "fr").route(availability, request("desktop", "Fr", null, null));

        assertEquals(List.of("SKU-1@FR"), availability.lookups);
    }

    @Test
    void decisionReportsEverySkuWithStateQuantityAndSignalAge() {
        var availability = signals()
                .put("SKU-1", "DE", LOW, 3, 100L, Duration.ofSeconds(42))
                .put("SKU-2", "DE", IN_STOCK, 120, null, Duration.ofHours(1));

        RouteDecision decision = link().skus("SKU-1", "SKU-2", "SKU-3").route(availability, DESKTOP_DE);

        assertEquals(List.of(
                new SkuAtClick("SKU-1", LOW, 3L, 42_000L),
                new SkuAtClick("SKU-2", UNKNOWN, 120L, 3_600_000L),
                new SkuAtClick("SKU-3", UNKNOWN, null, null)), decision.skus());
    }

    @Test
    void fallbackDecisionsStillReportWhatTheSkusLookedLike() {
        RouteDecision decision = link().status(LinkStatus.PAUSED)
                .route(signals().put("SKU-1", OUT_OF_STOCK, 0), DESKTOP_DE);

        assertEquals(RouteOutcome.PAUSED, decision.outcome());
        assertEquals(List.of(new SkuAtClick("SKU-1", OUT_OF_STOCK, 0L, 60_000L)), decision.skus());
    }

    @Test
    void linkWithoutSkusReportsNoSkus() {
        RouteDecision decision = link().skus(List.of()).destination("https://shop.example/", DestinationType.HOME)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals(List.of(), decision.skus());
    }

    @Test
    void eachSkuIsReadOncePerRequestHoweverManyRulesLookAtIt() {
        var availability = signals().put("SKU-1", IN_STOCK, 10);

        link().rule("a", stock("primary", OUT_OF_STOCK), WAITLIST, DestinationType.WAITLIST)
                .rule("b", availableAtMost("primary", 1), WAITLIST, DestinationType.WAITLIST)
                .rule("c", stock("SKU-1", LOW), WAITLIST, DestinationType.WAITLIST)
                .route(availability, DESKTOP_DE);

        assertEquals(List.of("SKU-1@DE"), availability.lookups);
    }
}
