package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.infra.FreePort;
import dev.linkops.redirect.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Registry and availability are down: the service starts from its last local snapshot. */
@QuarkusTest
@TestProfile(StartFromSnapshotFileTest.ServicesDown.class)
class StartFromSnapshotFileTest {

    public static class ServicesDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path file = Path.of("target/test-data/start-from-file.json");
            try {
                SnapshotFile.write(file,
                        List.of(Fixtures.speakerLink("from-file", "FILE-1", 4, LinkStatus.LIVE)),
                        List.of(Fixtures.availability("FILE-1", StockState.OUT_OF_STOCK, 0, 9)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String nobody = "http://127.0.0.1:" + FreePort.pick(); // nothing listens there
            return Map.of("linkops.redirect.registry-url", nobody,
                    "linkops.redirect.availability-url", nobody,
                    "linkops.redirect.snapshot-file", file.toString(),
                    "linkops.redirect.clicks.journal-file", "target/test-data/from-file-clicks.journal");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void withTheServicesDownTheLastLocalSnapshotRoutesLinksAndMakesTheServiceReady() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                location(get(base, "/from-file")).startsWith(Fixtures.SHOP + "/waitlist/FILE-1?"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.data.source", hasItem("FILE"))
                .body("status", equalTo("UP"));
    }
}
