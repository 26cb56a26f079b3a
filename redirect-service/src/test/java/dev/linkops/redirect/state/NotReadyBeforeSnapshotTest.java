package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.infra.FreePort;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.StubServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static dev.linkops.redirect.Http.get;
import static dev.linkops.redirect.Http.atGlobalFallback;
import static dev.linkops.redirect.Http.location;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No services and no local file: not ready until the services come up and a snapshot is loaded. */
@QuarkusTest
@TestProfile(NotReadyBeforeSnapshotTest.NothingToStartFrom.class)
class NotReadyBeforeSnapshotTest {
    static final int SERVICES_PORT = FreePort.pick();

    public static class NothingToStartFrom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String later = "http://127.0.0.1:" + SERVICES_PORT;
            return Map.of("linkops.redirect.registry-url", later,
                    "linkops.redirect.availability-url", later,
                    "linkops.redirect.snapshot-file", "target/test-data/never-written-" + System.nanoTime() + ".json",
                    "linkops.redirect.snapshot-write-interval", "PT0S",
                    "linkops.redirect.clicks.journal-file", "target/test-data/not-ready-clicks.journal");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void readinessStaysDownUntilTheFirstSnapshotArrives() throws Exception {
        given().get("/q/health/ready").then().statusCode(503).body("checks.data.source", hasItem("NONE"));
        String beforeSnapshot = location(get(base, "/late"));
        assertTrue(atGlobalFallback(beforeSnapshot), "nothing routes yet: " + beforeSnapshot);

        try (StubServices services = StubServices.start(SERVICES_PORT)) {
            services.links.add(Fixtures.speakerLink("late", "LATE-1", 1, LinkStatus.LIVE));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    given().get("/q/health/ready").statusCode() == 200);
            assertEquals(true, location(get(base, "/late")).startsWith(Fixtures.SHOP + "/p/LATE-1?"));
        }
    }
}
