package dev.linkops.infra.testing;

import dev.linkops.infra.EmbeddedBroker;
import dev.linkops.infra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real AMQP 1.0 broker (embedded Artemis, in memory) for @QuarkusTest. */
public class BrokerTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "amqp-host", "127.0.0.1",
                    "amqp-port", String.valueOf(broker().port()),
                    "amqp-username", "",
                    "amqp-password", "",
                    "quarkus.amqp.devservices.enabled", "false");
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis did not start", e);
        }
    }

    /** The running broker, so a test can also send or receive on it directly. */
    public static synchronized EmbeddedBroker broker() throws Exception {
        if (broker == null) {
            broker = EmbeddedBroker.start(FreePort.pick(), null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return broker;
    }

    @Override
    public void stop() {
        // shared by every Quarkus start in this JVM; the shutdown hook stops it
    }
}
