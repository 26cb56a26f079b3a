package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.infra.FreePort;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.StubServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.linkops.redirect.Http.get;
import static dev.linkops.redirect.Http.location;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * A restart while the registry is down but availability is up: links come from the local file, stock
 * from the availability service — newer than the file's, so the visitor goes where today's stock says.
 */
@QuarkusTest
@TestProfile(StartWithRegistryDownTest.RegistryDown.class)
class StartWithRegistryDownTest {
    static StubServices availability;

    public static class RegistryDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path file = Path.of("target/test-data/registry-down-" + System.nanoTime() + ".json");
            try {
                SnapshotFile.write(file,
                        List.of(Fixtures.speakerLink("half-down", "HALF-1", 2, LinkStatus.LIVE)),
                        List.of(Fixtures.availability("HALF-1", StockState.OUT_OF_STOCK, 0, 9)));
                availability = StubServices.start(FreePort.pick());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // restocked after the file was written
            availability.publish(Fixtures.availability("HALF-1", StockState.IN_STOCK, 300, 20));
            String nobody = "http://127.0.0.1:" + FreePort.pick(); // the registry: nothing listens there
            return Map.of("linkops.redirect.registry-url", nobody,
                    "linkops.redirect.availability-url", availability.url(),
                    "linkops.redirect.snapshot-file", file.toString(),
                    "linkops.redirect.clicks.journal-file", "target/test-data/registry-down-clicks.journal");
        }
    }

    @AfterAll
    static void stopStub() {
        if (availability != null) {
            availability.close();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void linksFromTheFileRouteByTheStockAvailabilityServesNow() {
        // before the state is loaded the code is unknown and goes to the global fallback: wait for readiness
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/q/health/ready").statusCode() == 200);
        String location = location(get(base, "/half-down"));
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith(Fixtures.SHOP + "/p/HALF-1?"),
                "in stock now, not sold out as the file says: " + location);
    }
}
