package dev.linkops.availability.api;

import dev.linkops.availability.BrokerProbe;
import dev.linkops.availability.domain.sources.StaleSourceWatcher;
import dev.linkops.contracts.events.v1.FeedStale;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.linkops.availability.TestApi.availability;
import static dev.linkops.availability.TestApi.feedOne;
import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.state;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SourcesTest {
    @Inject
    StaleSourceWatcher watcher;

    private final Instant t0 = Instant.now().minusSeconds(300);

    @Test
    void aNonAuthoritativeFeedIsKeptForComparisonButNeverChangesTheState() {
        registerSource("erp-sa", "PT15M", "SA");
        registerSource("shop-sa", "PT15M");
        feedOne("erp-sa", "SA-1", "SA", 50, t0);
        feedOne("shop-sa", "SA-1", "SA", 0, t0.plusSeconds(60))
                .body("accepted", is(1)).body("nonAuthoritative", is(1));

        availability("SA-1", "SA").statusCode(200)
                .body("state", is("IN_STOCK")).body("available", is(50)).body("source", is("erp-sa"));
        given().auth().oauth2(token("merchandising")).queryParam("market", "SA")
                .get("/api/availability/SA-1/sources").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].source", is("erp-sa")).body("[0].authoritative", is(true))
                .body("[1].source", is("shop-sa")).body("[1].differenceFromAuthoritative", is(-50));
        given().auth().oauth2(token("operations")).queryParam("market", "SA")
                .get("/api/availability/discrepancies").then().statusCode(200)
                .body("find { it.sku == 'SA-1' }.source", is("shop-sa"))
                .body("find { it.sku == 'SA-1' }.differenceFromAuthoritative", is(-50));
    }

    @Test
    void aMarketHasExactlyOneAuthoritativeSource() {
        registerSource("erp-sd", "PT15M", "SD");
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON)
                .body(Map.of("authoritativeMarkets", List.of("SD", "SE"), "expectedInterval", "PT5M"))
                .put("/api/sources/shop-sd").then().statusCode(409)
                .body("authoritativeSource", is("erp-sd")).body("market", is("SD"))
                .body("detail", containsString("one authoritative source per market"));
        given().auth().oauth2(token("operations")).get("/api/sources/shop-sd").then().statusCode(404);
    }

    @Test
    void handingAMarketToAnotherSourceDrivesItFromWhatThatSourceReported() {
        registerSource("erp-sc", "PT15M", "SC");
        registerSource("shop-sc", "PT15M");
        feedOne("erp-sc", "SC-1", "SC", 30, t0);
        feedOne("shop-sc", "SC-1", "SC", 3, t0);
        registerSource("erp-sc", "PT15M");
        assertEquals("UNKNOWN", state("SC-1", "SC"));
        registerSource("shop-sc", "PT15M", "SC");
        availability("SC-1", "SC").statusCode(200).body("state", is("LOW")).body("source", is("shop-sc"));
    }

    @Test
    void aSourceSilentBeyondItsIntervalTurnsItsSkusUnknownAndRaisesFeedStaleUntilItSpeaksAgain() {
        registerSource("erp-sb", "PT1S", "SB");
        feedOne("erp-sb", "SB-1", "SB", 50, t0);
        assertEquals("IN_STOCK", state("SB-1", "SB"));

        // expected every second, stale after 3 (stale-factor 3): the watcher or the scheduler notices
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            watcher.check(Instant.now());
            return "UNKNOWN".equals(state("SB-1", "SB"));
        });
        given().auth().oauth2(token("operations")).get("/api/sources/erp-sb").then().statusCode(200)
                .body("stale", is(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> !BrokerProbe.feedStale("erp-sb").isEmpty());
        FeedStale stale = BrokerProbe.feedStale("erp-sb").get(0);
        assertEquals(List.of("SB"), stale.markets());
        assertEquals(1, stale.affectedSkus());
        assertEquals(Duration.ofSeconds(1), stale.expectedInterval());
        await().atMost(Duration.ofSeconds(10)).until(() -> BrokerProbe.availability("SB-1", "SB").stream()
                .anyMatch(e -> e.state().name().equals("UNKNOWN")));

        // a batch about another SKU is enough to show the source is alive: SB-1 is trusted again
        feedOne("erp-sb", "SB-2", "SB", 50, t0.plusSeconds(1));
        assertEquals("IN_STOCK", state("SB-1", "SB"));
        given().auth().oauth2(token("analytics")).queryParam("market", "SB")
                .get("/api/availability/SB-1/history").then().statusCode(200)
                .body("[0].to", is("IN_STOCK")).body("[0].reason", is("SOURCE_RECOVERED"))
                .body("[1].to", is("UNKNOWN")).body("[1].reason", is("SOURCE_STALE"));
    }

    @Test
    void aSourceWithABadNameMarketOrIntervalIs400() {
        given().auth().oauth2(token("operations")).contentType(ContentType.JSON)
                .body(Map.of("authoritativeMarkets", List.of("USA"), "expectedInterval", "PT0S"))
                .put("/api/sources/Bad Name").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("/name", "/authoritativeMarkets/0", "/expectedInterval"));
    }
}
