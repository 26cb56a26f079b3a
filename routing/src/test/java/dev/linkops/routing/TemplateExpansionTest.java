package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import org.junit.jupiter.api.Test;

import static dev.linkops.routing.TestLinks.link;
import static dev.linkops.routing.TestLinks.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TemplateExpansionTest {

    private static String expand(TestLinks.Link link, RequestContext request) {
        return link.route(AvailabilityView.NONE, request).destination();
    }

    private static TestLinks.Link template(String url) {
        return link().destination(url, DestinationType.PDP);
    }

    @Test
    void skuExpandsToThePrimarySku() {
        assertEquals("https://shop.example/p/SKU-1?ref=SKU-1",
                expand(template("https://shop.example/p/{sku}?ref={sku}").skus("SKU-1", "SKU-2"),
                        request("desktop", "DE", "de", null)));
    }

    @Test
    void marketExpandsToTheRequestMarketWhenTheLinkServesIt() {
        assertEquals("https://shop.example/FR/p/SKU-1",
                expand(template("https://shop.example/{market}/p/{sku}"), request("desktop", "fr", "fr", null)));
    }

    @Test
    void marketExpandsToTheLinksFirstMarketWhenTheRequestMarketIsNotServed() {
        assertEquals("https://shop.example/DE/p/SKU-1",
                expand(template("https://shop.example/{market}/p/{sku}"), request("desktop", "US", "en", null)));
    }

    @Test
    void marketExpandsToTheRequestMarketWhenTheLinkHasNoMarkets() {
        assertEquals("https://shop.example/US/p/SKU-1",
                expand(template("https://shop.example/{market}/p/{sku}").markets(java.util.List.of()),
                        request("desktop", "US", "en", null)));
    }

    @Test
    void marketExpandsToNothingWhenNoMarketIsKnown() {
        assertEquals("https://shop.example/p/SKU-1?m=",
                expand(template("https://shop.example/p/{sku}?m={market}").markets(java.util.List.of()),
                        request("desktop", null, null, null)));
    }

    @Test
    void languageExpandsToTheRequestLanguage() {
        assertEquals("https://shop.example/en-GB/p/SKU-1",
                expand(template("https://shop.example/{language}/p/{sku}"), request("desktop", "DE", "en-GB", null)));
    }

    @Test
    void languageExpandsToTheLinksLanguageWhenTheRequestHasNone() {
        assertEquals("https://shop.example/de/p/SKU-1",
                expand(template("https://shop.example/{language}/p/{sku}"), request("desktop", "DE", null, null)));
    }

    @Test
    void languageExpandsToNothingWhenNeitherRequestNorLinkHasOne() {
        assertEquals("https://shop.example/p/SKU-1?lang=",
                expand(template("https://shop.example/p/{sku}?lang={language}").language(null),
                        request("desktop", "DE", null, null)));
    }

    @Test
    void everyPlaceholderExpandsInOneTemplate() {
        assertEquals("https://fr.shop.example/fr/SKU-1?m=FR&sku=SKU-1",
                expand(template("https://{language}.shop.example/{language}/{sku}?m={market}&sku={sku}"),
                        request("mobile", "FR", "fr", null)));
    }

    @Test
    void skuIsPercentEncodedForAPathSegment() {
        assertEquals("https://shop.example/p/A%2FB%20C%3F%23%26%25~x_y.z-1",
                expand(template("https://shop.example/p/{sku}").skus("A/B C?#&%~x_y.z-1"),
                        request("desktop", "DE", null, null)));
    }

    @Test
    void skuWithUnicodeIsPercentEncodedAsUtf8() {
        assertEquals("https://shop.example/p/CAF%C3%89-%E2%82%AC-%F0%9F%91%9F",
                expand(template("https://shop.example/p/{sku}").skus("CAFÉ-€-👟"), request("desktop", "DE", null, null)));
    }

    @Test
    void requestLanguageIsPercentEncodedSoItCannotBreakTheUrl() {
        assertEquals("https://shop.example/de%2F..%2Fadmin%3Fx%3D1%20%0D%0ASet-Cookie/p",
                expand(template("https://shop.example/{language}/p"),
                        request("desktop", "DE", "de/../admin?x=1 \r\nSet-Cookie", null)));
    }

    @Test
    void requestMarketIsPercentEncodedWhenUsedAsIs() {
        assertEquals("https://shop.example/a%2Fb/p",
                expand(template("https://shop.example/{market}/p").markets(java.util.List.of()),
                        request("desktop", "a/b", null, null)));
    }

    @Test
    void skuThatLooksLikeAPlaceholderIsNotExpandedAgain() {
        assertEquals("https://shop.example/p/%7Bmarket%7D/DE",
                expand(template("https://shop.example/p/{sku}/{market}").skus("{market}"), request("desktop", "DE", null, null)));
    }

    @Test
    void unknownPlaceholdersStayAsTheyAre() {
        assertEquals("https://shop.example/p/SKU-1?x={campaign}&y={&z=}",
                expand(template("https://shop.example/p/{sku}?x={campaign}&y={&z=}"), request("desktop", "DE", null, null)));
    }

    @Test
    void placeholdersAreCaseSensitive() {
        assertEquals("https://shop.example/p/{SKU}",
                expand(template("https://shop.example/p/{SKU}"), request("desktop", "DE", null, null)));
    }

    @Test
    void templateWithoutRequestPlaceholdersIsExpandedOnceAndShared() {
        CompiledLink tree = template("https://shop.example/p/{sku}").compile();

        assertSame(tree.route(AvailabilityView.NONE, request("desktop", "DE", "de", null), TestLinks.NOW).destination(),
                tree.route(AvailabilityView.NONE, request("mobile", "FR", "fr", null), TestLinks.NOW).destination());
    }

    @Test
    void ruleDestinationsExpandLikeTheDefault() {
        RouteDecision decision = link()
                .rule("french", TestLinks.when().market("FR").build(), "https://shop.example/{market}/{language}/w/{sku}",
                        DestinationType.WAITLIST)
                .route(AvailabilityView.NONE, request("desktop", "FR", "fr-CA", null));

        assertEquals("https://shop.example/FR/fr-CA/w/SKU-1", decision.destination());
    }
}
