package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.RouteCondition.StockCondition;
import dev.linkops.contracts.events.v1.RouteTarget;
import dev.linkops.contracts.events.v1.StockState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.linkops.routing.TestLinks.NOW;
import static dev.linkops.routing.TestLinks.link;
import static dev.linkops.routing.TestLinks.stock;
import static dev.linkops.routing.TestLinks.when;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkCompilationTest {

    private static final String URL = "https://shop.example/x";

    private static void assertRejected(String field, String reason, TestLinks.Link link) {
        Executable compile = link::compile;
        InvalidRouteTreeException e = assertThrows(InvalidRouteTreeException.class, compile);
        assertEquals(field, e.field());
        assertEquals(reason, e.reason());
        assertEquals(field + ": " + reason, e.getMessage());
    }

    private static TestLinks.Link withStock(StockCondition condition) {
        return link().rule("r", when().stock(condition).build(), URL, DestinationType.CUSTOM);
    }

    @Test
    void nullLinkIsRejected() {
        InvalidRouteTreeException e = assertThrows(InvalidRouteTreeException.class, () -> CompiledLink.compile(null));
        assertEquals("link", e.field());
    }

    @Test
    void linkWithoutStatusIsRejected() {
        assertRejected("status", "is required", link().status(null));
    }

    @Test
    void windowThatEndsBeforeItStartsIsRejected() {
        assertRejected("endsAt", "must be after startsAt", link().window(NOW, NOW));
    }

    @Test
    void negativeMaxSignalAgeIsRejected() {
        assertRejected("maxSignalAge", "must not be negative", link().maxSignalAge(Duration.ofSeconds(-1)));
    }

    @Test
    void zeroMaxSignalAgeTrustsOnlySignalsObservedNow() {
        var tree = link().maxSignalAge(Duration.ZERO)
                .rule("gone", stock("primary", StockState.OUT_OF_STOCK), URL, DestinationType.WAITLIST).compile();

        assertEquals("gone", tree.route(TestLinks.signals().put("SKU-1", "DE", StockState.OUT_OF_STOCK, 0, null,
                Duration.ZERO), TestLinks.DESKTOP_DE, NOW).branch());
        assertEquals("default", tree.route(TestLinks.signals().put("SKU-1", "DE", StockState.OUT_OF_STOCK, 0, null,
                Duration.ofMillis(1)), TestLinks.DESKTOP_DE, NOW).branch());
    }

    @Test
    void blankSkuIsRejected() {
        assertRejected("skus[1]", "must not be blank", link().skus("SKU-1", " "));
    }

    @Test
    void repeatedSkuIsRejected() {
        assertRejected("skus[1]", "repeats SKU-1", link().skus("SKU-1", "SKU-1"));
    }

    @Test
    void marketThatIsNotACountryCodeIsRejected() {
        assertRejected("markets[1]", "must be an ISO 3166 alpha-2 country code", link().markets("DE", "DEU"));
        assertRejected("markets[0]", "must be an ISO 3166 alpha-2 country code", link().markets("1E"));
    }

    @Test
    void repeatedMarketIsRejectedWhateverItsCase() {
        assertRejected("markets[1]", "repeats de", link().markets("DE", "de"));
    }

    @Test
    void missingDefaultDestinationIsRejected() {
        assertRejected("destination", "is required", link().destination(null));
    }

    @Test
    void defaultDestinationWithoutTypeIsRejected() {
        assertRejected("destination.destinationType", "is required", link().destination(URL, null));
    }

    @Test
    void relativeDestinationIsRejected() {
        assertRejected("destination.destination", "must be an absolute http or https URL",
                link().destination("/p/1", DestinationType.PDP));
        assertRejected("destination.destination", "must be an absolute http or https URL",
                link().destination("javascript:alert(1)", DestinationType.PDP));
    }

    @Test
    void destinationSchemeIsCaseInsensitive() {
        assertDoesNotThrow(() -> link().destination("HTTPS://shop.example/", DestinationType.HOME).compile());
        assertDoesNotThrow(() -> link().destination("http://shop.example/", DestinationType.HOME).compile());
    }

    @Test
    void destinationWithSpacesOrControlCharactersIsRejected() {
        assertRejected("destination.destination", "must not contain spaces or control characters (index 22)",
                link().destination("https://shop.example/a b", DestinationType.PDP));
        assertRejected("destination.destination", "must not contain spaces or control characters (index 21)",
                link().destination("https://shop.example/\r\nLocation: x", DestinationType.PDP));
    }

    @Test
    void skuPlaceholderWithoutSkusIsRejected() {
        assertRejected("destination.destination", "uses {sku} but the link has no SKUs", link().skus(List.of()));
    }

    @Test
    void ruleWithoutLabelIsRejected() {
        assertRejected("rules[0].label", "is required", link().rule(" ", null, URL, DestinationType.CUSTOM));
    }

    @Test
    void ruleLabelsReservedForReportsAreRejected() {
        assertRejected("rules[0].label", "'default' is reserved for reports",
                link().rule("default", null, URL, DestinationType.CUSTOM));
        assertRejected("rules[0].label", "'fallback' is reserved for reports",
                link().rule("fallback", null, URL, DestinationType.CUSTOM));
    }

    @Test
    void repeatedRuleLabelIsRejected() {
        assertRejected("rules[1].label", "repeats a; reports count clicks per label",
                link().rule("a", null, URL, DestinationType.CUSTOM).rule("a", null, URL, DestinationType.CUSTOM));
    }

    @Test
    void nullRuleIsRejected() {
        assertRejected("rules[0]", "is required", link().rules(Arrays.asList((dev.linkops.contracts.events.v1.RouteRule) null)));
    }

    @Test
    void ruleWithoutTargetIsRejected() {
        assertRejected("rules[0].then", "is required",
                link().rules(List.of(new dev.linkops.contracts.events.v1.RouteRule("r", null, null))));
    }

    @Test
    void ruleTargetWithoutTypeIsRejected() {
        assertRejected("rules[0].then.destinationType", "is required",
                link().rules(List.of(new dev.linkops.contracts.events.v1.RouteRule("r", null, new RouteTarget(URL, null)))));
    }

    @Test
    void emptyConditionListIsRejectedBecauseItCouldNeverMatch() {
        String reason = "must not be empty; leave it out to match every value";
        assertRejected("rules[0].when.device", reason, link().rule("r", when().device().build(), URL, DestinationType.CUSTOM));
        assertRejected("rules[0].when.market", reason, link().rule("r", when().market().build(), URL, DestinationType.CUSTOM));
        assertRejected("rules[0].when.language", reason,
                link().rule("r", when().language().build(), URL, DestinationType.CUSTOM));
        assertRejected("rules[0].when.segment", reason,
                link().rule("r", when().segment().build(), URL, DestinationType.CUSTOM));
    }

    @Test
    void unknownDeviceIsRejected() {
        assertRejected("rules[0].when.device[1]", "must be mobile, tablet or desktop",
                link().rule("r", when().device("mobile", "phone").build(), URL, DestinationType.CUSTOM));
    }

    @Test
    void conditionMarketThatIsNotACountryCodeIsRejected() {
        assertRejected("rules[0].when.market[0]", "must be an ISO 3166 alpha-2 country code",
                link().rule("r", when().market("Germany").build(), URL, DestinationType.CUSTOM));
    }

    @Test
    void blankConditionValueIsRejected() {
        assertRejected("rules[0].when.segment[0]", "must not be blank",
                link().rule("r", when().segment("").build(), URL, DestinationType.CUSTOM));
    }

    @Test
    void emptyTimeWindowIsRejected() {
        assertRejected("rules[0].when.time.to", "must be after time.from",
                link().rule("r", when().time(NOW, NOW.minusSeconds(1)).build(), URL, DestinationType.CUSTOM));
    }

    @Test
    void stockConditionWithoutSkuIsRejected() {
        assertRejected("rules[0].when.stock.sku", "is required: primary, any, all or a SKU",
                withStock(new StockCondition(null, List.of(StockState.LOW), null, null)));
    }

    @Test
    void stockConditionOnTheLinksSkusNeedsTheLinkToHaveSkus() {
        for (String sku : List.of("primary", "any", "all")) {
            assertRejected("rules[0].when.stock.sku", "'" + sku + "' needs the link to have SKUs",
                    withStock(new StockCondition(sku, List.of(StockState.LOW), null, null)).skus(List.of())
                            .destination("https://shop.example/", DestinationType.HOME));
        }
    }

    @Test
    void stockConditionOnALiteralSkuWorksOnALinkWithoutSkus() {
        RouteDecision decision = withStock(new StockCondition("SKU-9", List.of(StockState.UNKNOWN), null, null))
                .skus(List.of()).destination("https://shop.example/", DestinationType.HOME)
                .route(AvailabilityView.NONE, TestLinks.DESKTOP_DE);

        assertEquals("r", decision.branch());
    }

    @Test
    void stockConditionMustSetExactlyOneTest() {
        String reason = "set exactly one of state, availableAtMost, percentOfBaselineAtMost";
        assertRejected("rules[0].when.stock", reason, withStock(new StockCondition("primary", null, null, null)));
        assertRejected("rules[0].when.stock", reason,
                withStock(new StockCondition("primary", List.of(StockState.LOW), 3L, null)));
        assertRejected("rules[0].when.stock", reason, withStock(new StockCondition("primary", null, 3L, 5)));
    }

    @Test
    void stockConditionWithoutStatesIsRejected() {
        assertRejected("rules[0].when.stock.state", "must list at least one state",
                withStock(new StockCondition("primary", List.of(), null, null)));
        assertRejected("rules[0].when.stock.state[1]", "must not be null",
                withStock(new StockCondition("primary", Arrays.asList(StockState.LOW, null), null, null)));
    }

    @Test
    void negativeQuantitiesAreRejected() {
        assertRejected("rules[0].when.stock.availableAtMost", "must not be negative",
                withStock(new StockCondition("primary", null, -1L, null)));
        assertRejected("rules[0].when.stock.percentOfBaselineAtMost", "must not be negative",
                withStock(new StockCondition("primary", null, null, -5)));
    }

    @Test
    void fallbackUrlsAreValidatedLikeDestinations() {
        assertRejected("fallbacks.pausedUrl", "must be an absolute http or https URL",
                link().fallbacks(TestLinks.FALLBACK, null, "shop.example/paused"));
        assertRejected("fallbacks.fallbackUrl", "must be an absolute http or https URL",
                link().fallbacks("ftp://shop.example/", null, null));
    }

    @Test
    void permanentRedirectStatusIsRejected() {
        assertRejected("redirectStatus", "must be 302 or 307; permanent redirects would be cached",
                link().redirectStatus(301));
        assertRejected("redirectStatus", "must be 302 or 307; permanent redirects would be cached",
                link().redirectStatus(308));
    }

    @Test
    void utmKeyGivenBareAndPrefixedIsRejected() {
        assertRejected("utm.utm_source", "sets utm_source twice",
                link().utm("source", "a").utm("utm_source", "b"));
    }

    @Test
    void nullListsAreTreatedAsEmpty() {
        RouteDecision decision = link().markets((List<String>) null).rules(null).destination(URL, DestinationType.HOME)
                .skus((List<String>) null).route(AvailabilityView.NONE, TestLinks.DESKTOP_DE);

        assertEquals("https://shop.example/x", decision.destination());
        assertEquals(List.of(), decision.skus());
    }
}
