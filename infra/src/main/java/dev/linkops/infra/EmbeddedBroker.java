package dev.linkops.infra;

import dev.linkops.contracts.events.v1.Addresses;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Apache ActiveMQ Artemis speaking AMQP 1.0 with the LinkOps addresses (DESIGN §2). Every topic is a
 * multicast address with one durable queue per consuming service, declared up front: a multicast
 * address without queues silently drops what is sent before its consumers first attach. Queue names
 * are broker-wide in Artemis, so each is named service + topic ({@link Addresses#subscriptionQueue}).
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** address → the services that each keep a durable subscription queue on it. */
    public static final Map<String, List<String>> SUBSCRIPTIONS = Map.of(
            "linkops.links", List.of("alerting-service", "reporting-service"),
            "linkops.availability", List.of("link-registry-service", "alerting-service", "reporting-service"),
            "linkops.clicks", List.of("reporting-service", "alerting-service"),
            "linkops.audits", List.of("link-registry-service", "reporting-service"),
            "linkops.alerts", List.of("reporting-service"),
            "linkops.postclick", List.of("reporting-service"));

    private final EmbeddedActiveMQ server;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param dataDir null keeps messages in memory only (tests); otherwise a persistent journal */
    public static EmbeddedBroker start(int port, Path dataDir) throws Exception {
        Configuration cfg = new ConfigurationImpl()
                .setName("linkops-broker")
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setAddressQueueScanPeriod(1000)
                .setPersistenceEnabled(dataDir != null);
        if (dataDir != null) {
            cfg.setJournalType(JournalType.NIO)
                    .setJournalDirectory(dataDir.resolve("journal").toString())
                    .setBindingsDirectory(dataDir.resolve("bindings").toString())
                    .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                    .setPagingDirectory(dataDir.resolve("paging").toString());
        }
        cfg.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP,CORE");
        cfg.addAddressSetting("linkops.#", new AddressSettings()
                .setAutoCreateAddresses(true).setAutoCreateQueues(true)
                .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                .setDefaultQueueRoutingType(RoutingType.MULTICAST)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(true) // drops the per-instance queues of redirect replicas that are gone
                .setAutoDeleteQueuesMessageCount(-1)
                .setMaxDeliveryAttempts(10)
                .setRedeliveryDelay(200));
        for (var entry : SUBSCRIPTIONS.entrySet()) {
            CoreAddressConfiguration address = new CoreAddressConfiguration()
                    .setName(entry.getKey()).addRoutingType(RoutingType.MULTICAST);
            for (String service : entry.getValue()) {
                String queue = Addresses.subscriptionQueue(entry.getKey(), service);
                address.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(entry.getKey())
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true).setAutoDelete(false));
            }
            cfg.addAddressConfiguration(address);
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(cfg);
        server.start();
        return new EmbeddedBroker(server, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
