package dev.linkops.e2e;

import dev.linkops.infra.suite.DemoData;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo the launcher loads works: the weekend speaker link sends a click to the storefront. */
@ExtendWith(RunningSuite.class)
class DemoLinkIT {

    @Test
    void theDemoFeedMakesTheSpeakerInStockInTheUs(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.AVAILABILITY, "GET", "/api/availability/{sku}");
        assertTrue(suite.demo().orElseThrow().availabilityFed(), "the demo feed was refused: " + suite.demo().get().warnings());
        Http.Response r = suite.http().get(suite.config().serviceUrl(ServiceModule.AVAILABILITY)
                + "/api/availability/SPK-X1?market=US", suite.tokens().of("alice"));
        assertEquals(200, r.status(), r.toString());
        assertEquals("IN_STOCK", r.json().path("state").asText(), r.toString());
        assertEquals(120, r.json().path("available").asLong(), "140 on hand minus 20 reserved: " + r);
    }

    @Test
    void theDemoShortLinkRedirectsToTheStorefrontWithItsUtmsAndTheClicksGclid(Suite suite) throws Exception {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "POST", "/api/links/{id}/publish");
        DemoData.Result demo = suite.demo().orElseThrow();
        assertTrue(demo.published(), "the demo link was not published: " + demo.warnings());

        String url = suite.config().serviceUrl(ServiceModule.REDIRECT) + "/" + DemoData.DEMO_CODE + "?gclid=e2e-1";
        Http.Response r = null;
        long deadline = System.nanoTime() + 20_000_000_000L; // the publish travels registry -> broker -> redirect
        while (System.nanoTime() < deadline) {
            r = suite.http().get(url, null);
            if (r.status() == 302 && r.header("Location").orElse("").startsWith(suite.config().storefrontUrl() + "/p/")) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(302, r.status(), r.toString());
        String location = r.header("Location").orElse("");
        assertTrue(location.startsWith(suite.config().storefrontUrl() + "/p/spk-x1?"),
                "an in-stock speaker goes to its product page, not " + location);
        assertTrue(location.contains("utm_source=google") && location.contains("utm_medium=cpc"), location);
        assertTrue(location.contains("gclid=e2e-1"), location);
        assertEquals("no-store", r.header("Cache-Control").orElse(""));

        Http.Response page = suite.http().get(location, null);
        assertEquals(200, page.status(), "the storefront must serve the destination: " + page);
        assertTrue(page.body().contains("\"availability\":\"https://schema.org/"), "the page carries schema.org availability");
    }
}
