package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.infra.suite.DemoData;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what (DESIGN §5) across the running services, with real Keycloak tokens: the allowed role
 * gets through, a wrong role gets 403, no token gets 401. An endpoint a service does not declare yet is
 * skipped with that reason.
 */
@ExtendWith(RunningSuite.class)
class AccessControlIT {

    @Test
    void aliceFromMarketingMayCreateALink(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "POST", "/api/links");
        String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = createLink(suite, suite.tokens().of("alice"), code);
        assertEquals(201, r.status(), r.toString());
        JsonNode link = r.json();
        assertEquals(code, link.path("code").asText());
        assertEquals("DRAFT", link.path("status").asText());
        assertFalse(link.path("id").asText().isEmpty(), "a created link has an id");
    }

    @Test
    void anaFromAnalyticsMayNotCreateALink(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "POST", "/api/links");
        String code = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = createLink(suite, suite.tokens().of("ana"), code);
        assertEquals(403, r.status(), r.toString());
        Http.Response list = suite.http().get(registry(suite) + "/api/links?campaign=e2e_refused", suite.tokens().of("root"));
        assertFalse(list.body().contains(code), "a refused create must not leave the link behind");
    }

    @Test
    void nobodyMayCreateALinkWithoutAToken(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "POST", "/api/links");
        Http.Response r = createLink(suite, null, "e2e-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(401, r.status(), r.toString());
    }

    @Test
    void aForgedTokenIsRefusedLikeNoToken(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "POST", "/api/links");
        String real = suite.tokens().of("alice");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
        assertEquals(401, createLink(suite, forged, "e2e-" + UUID.randomUUID().toString().substring(0, 8)).status());
    }

    @Test
    void oscarFromOperationsMayFeedAvailabilityButAnaMayNotAndNobodyWithoutAToken(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.AVAILABILITY, "POST", "/api/feeds/{source}");
        String url = suite.config().serviceUrl(ServiceModule.AVAILABILITY) + "/api/feeds/" + DemoData.SOURCE;
        assertEquals(401, suite.http().post(url, null, feed()).status());
        Http.Response refused = suite.http().post(url, suite.tokens().of("ana"), feed());
        assertEquals(403, refused.status(), refused.toString());
        Http.Response accepted = suite.http().post(url, suite.tokens().of("oscar"), feed());
        assertTrue(accepted.is2xx(), accepted.toString());
        assertTrue(accepted.json().has("accepted"), "the feed answer counts accepted items: " + accepted);
    }

    @Test
    void alertsNeedAToken(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.ALERTING, "GET", "/api/alerts");
        String url = suite.config().serviceUrl(ServiceModule.ALERTING) + "/api/alerts?status=OPEN";
        assertEquals(401, suite.http().get(url, null).status());
        Http.Response r = suite.http().get(url, suite.tokens().of("oscar"));
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void analyticsMayReadCampaignReportsButMerchandisingMayNot(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REPORTING, "GET", "/api/reports/campaigns/{campaign}");
        String url = suite.config().serviceUrl(ServiceModule.REPORTING) + "/api/reports/campaigns/"
                + DemoData.DEMO_CAMPAIGN;
        assertEquals(401, suite.http().get(url, null).status());
        Http.Response mia = suite.http().get(url, suite.tokens().of("mia"));
        assertEquals(403, mia.status(), mia.toString());
        Http.Response ana = suite.http().get(url, suite.tokens().of("ana"));
        assertEquals(200, ana.status(), ana.toString());
    }

    @Test
    void theRegistrySnapshotIsForServicesOnly(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.REGISTRY, "GET", "/internal/links/snapshot");
        String url = registry(suite) + "/internal/links/snapshot";
        assertEquals(401, suite.http().get(url, null).status());
        assertEquals(403, suite.http().get(url, suite.tokens().of("alice")).status());
        Http.Response r = suite.http().get(url, suite.tokens().service());
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void theAvailabilitySnapshotIsForServicesOnly(Suite suite) {
        OpenApi.assumeDeclared(suite, ServiceModule.AVAILABILITY, "GET", "/internal/availability/snapshot");
        String url = suite.config().serviceUrl(ServiceModule.AVAILABILITY) + "/internal/availability/snapshot";
        assertEquals(401, suite.http().get(url, null).status());
        assertEquals(403, suite.http().get(url, suite.tokens().of("oscar")).status());
        Http.Response r = suite.http().get(url, suite.tokens().service());
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void theRedirectEndpointIsPublicAndSendsUnknownCodesToTheGlobalFallback(Suite suite) {
        Http.Response r = suite.http().get(suite.config().serviceUrl(ServiceModule.REDIRECT)
                + "/no-such-code-" + UUID.randomUUID().toString().substring(0, 6), null);
        assertEquals(302, r.status(), r.toString());
        // an orphan click still gets a click id, so a purchase after it can be tied to the click
        String location = r.header("Location").orElse("");
        assertTrue(location.matches(java.util.regex.Pattern.quote(suite.config().storefrontUrl() + "/?lo_cid=")
                + "[0-9a-f-]{36}"), location);
    }

    static Http.Response createLink(Suite suite, String token, String code) {
        return suite.http().post(registry(suite) + "/api/links", token,
                DemoData.link(suite.config(), code, "20261205_paidsearch_audio_e2e_conversion"));
    }

    private static String registry(Suite suite) {
        return suite.config().serviceUrl(ServiceModule.REGISTRY);
    }

    private static Map<String, Object> feed() {
        Instant now = Instant.now();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", "HP-Q5");
        item.put("market", "US");
        item.put("onHand", 40);
        item.put("reserved", 0);
        item.put("observedAt", now.toString());
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("batchId", "e2e-" + UUID.randomUUID());
        feed.put("sentAt", now.toString());
        feed.put("items", List.of(item));
        return feed;
    }
}
