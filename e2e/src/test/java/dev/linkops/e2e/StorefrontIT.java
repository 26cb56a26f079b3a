package dev.linkops.e2e;

import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo storefront tells audits the truth about its own stock, in schema.org terms. */
@ExtendWith(RunningSuite.class)
class StorefrontIT {

    @Test
    void productPagesShowTheShopsOwnStockAsSchemaOrgAvailability(Suite suite) {
        String page = suite.config().storefrontUrl() + "/p/hp-q5";
        try {
            suite.storefront().setStock("HP-Q5", 200);
            assertTrue(get(suite, page).contains("\"availability\":\"https://schema.org/InStock\""));
            suite.storefront().setStock("HP-Q5", 3);
            assertTrue(get(suite, page).contains("\"availability\":\"https://schema.org/LimitedAvailability\""));
            suite.storefront().setStock("HP-Q5", 0);
            assertTrue(get(suite, page).contains("\"availability\":\"https://schema.org/OutOfStock\""));
        } finally {
            suite.storefront().setStock("HP-Q5", 40);
        }
    }

    @Test
    void categoryAndWaitlistPagesExistAndUnknownProductsDoNot(Suite suite) {
        String shop = suite.config().storefrontUrl();
        assertTrue(get(suite, shop + "/c/speakers?featured=SPK-X1").contains("\"@type\":\"ItemList\""));
        assertTrue(get(suite, shop + "/waitlist/spk-x1").contains("\"sku\":\"SPK-X1\""));
        assertEquals(404, suite.http().get(shop + "/p/no-such-sku", null).status());
    }

    @Test
    void theShopRemembersTheQueryEachVisitArrivedWith(Suite suite) {
        String raw = "utm_source=google&q=a%20b&flag&gclid=x";
        get(suite, suite.config().storefrontUrl() + "/p/spk-x2?" + raw);
        assertTrue(suite.storefront().visits().stream().anyMatch(v -> v.path.equals("/p/spk-x2") && raw.equals(v.rawQuery)),
                "visit with the raw query kept byte for byte");
    }

    private static String get(Suite suite, String url) {
        Http.Response r = suite.http().get(url, null);
        assertEquals(200, r.status(), url + " -> " + r);
        return r.body();
    }
}
