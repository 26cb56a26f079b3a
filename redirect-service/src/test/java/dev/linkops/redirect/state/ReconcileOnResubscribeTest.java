package dev.linkops.redirect.state;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.infra.EmbeddedBroker;
import dev.linkops.infra.FreePort;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.StubServices;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.linkops.redirect.Http.get;
import static dev.linkops.redirect.Http.location;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica's subscriptions are per instance, so an event published while it was detached from the
 * broker never reaches it. When it attaches again it must reconcile at once — here the periodic
 * reconciliation is ten minutes away, so only the re-attach can bring the sell-out in.
 */
@QuarkusTest
@TestProfile(ReconcileOnResubscribeTest.OwnBrokerAndServices.class)
class ReconcileOnResubscribeTest {
    static final int PORT = FreePort.pick();
    static final String CODE = "resubscribe";
    static final String SKU = "RESUB-1";
    static Path dataDir;
    static EmbeddedBroker broker;
    static StubServices services;

    public static class OwnBrokerAndServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (broker == null) {
                    dataDir = Files.createTempDirectory("redirect-resubscribe");
                    broker = EmbeddedBroker.start(PORT, dataDir);
                    services = StubServices.start(FreePort.pick());
                    services.publish(Fixtures.speakerLink(CODE, SKU, 1, LinkStatus.LIVE));
                    services.publish(Fixtures.availability(SKU, StockState.IN_STOCK, 300, 1));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Map<String, String> config = new HashMap<>();
            for (String channel : List.of("incoming.links-in", "incoming.availability-in", "outgoing.clicks-out")) {
                config.put("mp.messaging." + channel + ".host", "127.0.0.1");
                config.put("mp.messaging." + channel + ".port", String.valueOf(PORT));
            }
            config.put("linkops.redirect.registry-url", services.url());
            config.put("linkops.redirect.availability-url", services.url());
            config.put("linkops.redirect.reconcile-interval", "PT10M");
            config.put("linkops.redirect.snapshot-file", "target/test-data/resubscribe-" + System.nanoTime() + ".json");
            config.put("linkops.redirect.clicks.journal-file", "target/test-data/resubscribe-" + System.nanoTime() + ".journal");
            return config;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSellOutPublishedWhileDetachedFromTheBrokerRoutesOnceReattached() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertTrue(location(get(base, "/" + CODE)).startsWith(Fixtures.SHOP + "/p/" + SKU), "in stock: product page");
        Thread.sleep(2000); // the watch has seen the subscriptions attached once

        broker.close();
        // availability sold out and published it meanwhile: this replica's queue is gone, the event with it
        services.publish(Fixtures.availability(SKU, StockState.OUT_OF_STOCK, 0, 2));
        Thread.sleep(2000);
        assertTrue(location(get(base, "/" + CODE)).startsWith(Fixtures.SHOP + "/p/" + SKU),
                "nothing told this replica yet");

        broker = EmbeddedBroker.start(PORT, dataDir);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> location(get(base, "/" + CODE)).startsWith(Fixtures.SHOP + "/waitlist/" + SKU));
    }
}
