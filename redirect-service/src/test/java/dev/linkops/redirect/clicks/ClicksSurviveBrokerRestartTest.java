package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.infra.EmbeddedBroker;
import dev.linkops.infra.FreePort;
import dev.linkops.redirect.BrokerClient;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.linkops.redirect.Http.get;
import static dev.linkops.redirect.Http.atGlobalFallback;
import static dev.linkops.redirect.Http.location;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker of its own (persistent, so a restart keeps what it accepted), stopped while redirects go
 * on and started again: every redirect still yields exactly one click on linkops.clicks.
 */
@QuarkusTest
@TestProfile(ClicksSurviveBrokerRestartTest.OwnBroker.class)
class ClicksSurviveBrokerRestartTest {
    static final int PORT = FreePort.pick();
    static Path dataDir;
    static EmbeddedBroker broker;

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (broker == null) {
                    dataDir = Files.createTempDirectory("redirect-broker-restart");
                    broker = EmbeddedBroker.start(PORT, dataDir);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            String nobody = "http://127.0.0.1:" + FreePort.pick();
            Map<String, String> config = new HashMap<>();
            // channel-level ports: the shared test broker's amqp-port stays untouched
            for (String channel : List.of("incoming.links-in", "incoming.availability-in", "outgoing.clicks-out")) {
                config.put("mp.messaging." + channel + ".host", "127.0.0.1");
                config.put("mp.messaging." + channel + ".port", String.valueOf(PORT));
            }
            config.put("linkops.redirect.registry-url", nobody);
            config.put("linkops.redirect.availability-url", nobody);
            config.put("linkops.redirect.snapshot-file", "target/test-data/restart-" + System.nanoTime() + ".json");
            config.put("linkops.redirect.clicks.journal-file", "target/test-data/restart-" + System.nanoTime() + ".journal");
            config.put("linkops.redirect.clicks.memory-limit", "10"); // most held clicks go through the journal
            return config;
        }
    }

    @TestHTTPResource("/")
    URL base;

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyRedirectYieldsExactlyOneClickAcrossABrokerRestart() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String beforeCode = "restart-before-" + run;
        String duringCode = "restart-during-" + run;
        BrokerClient before = new BrokerClient(PORT);
        before.readClicks(Addresses.subscription(Addresses.CLICKS, "reporting-service"));
        for (int i = 0; i < 10; i++) {
            orphanClick(beforeCode);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> before.clicksFor(beforeCode).size() >= 10);
        before.close();

        broker.close();
        for (int i = 0; i < 40; i++) {
            orphanClick(duringCode);
        }
        Thread.sleep(4000); // past the ack timeout: unconfirmed sends are back in memory or the journal
        broker = EmbeddedBroker.start(PORT, dataDir);

        BrokerClient after = new BrokerClient(PORT);
        after.readClicks(Addresses.subscription(Addresses.CLICKS, "reporting-service"));
        await().atMost(Duration.ofSeconds(90)).until(() -> after.clicksFor(duringCode).size() >= 40);
        Thread.sleep(3000); // a duplicate would show up now
        List<BrokerClient.ReceivedClick> all = new ArrayList<>(before.clicks);
        all.addAll(after.clicks);
        for (String code : List.of(beforeCode, duringCode)) {
            List<BrokerClient.ReceivedClick> clicks = all.stream().filter(c -> code.equals(c.click().code())).toList();
            long distinct = clicks.stream().map(c -> c.click().clickId()).distinct().count();
            int redirects = code.equals(beforeCode) ? 10 : 40;
            assertEquals(redirects, distinct, "one click per redirect for " + code);
            assertEquals(redirects, clicks.size(), "no duplicates for " + code);
        }
        after.close();
    }

    /** An unknown code still redirects and records an orphan click. */
    private void orphanClick(String code) {
        String location = location(get(base, "/" + code));
        assertTrue(atGlobalFallback(location), location);
    }
}
