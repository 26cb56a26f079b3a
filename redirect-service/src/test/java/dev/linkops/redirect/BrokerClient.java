package dev.linkops.redirect;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A plain AMQP 1.0 client on the test broker: publishes events as a producer would and reads clicks. */
public final class BrokerClient implements AutoCloseable {

    /** One click as it arrived, with the duplicate id the broker saw. */
    public record ReceivedClick(ClickRecorded click, String duplicateId, String eventId) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final AmqpConnection connection;
    private final Map<String, AmqpSender> senders = new ConcurrentHashMap<>();
    public final List<ReceivedClick> clicks = new CopyOnWriteArrayList<>();

    public BrokerClient(int port) throws Exception {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(port));
        connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public void publish(String address, Record payload) throws Exception {
        EventEnvelope envelope = EventCodec.wrap(payload, "test");
        AmqpSender sender = senders.get(address);
        if (sender == null) {
            sender = connection.createSender(address).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            senders.put(address, sender);
        }
        sender.sendWithAck(AmqpMessage.create().withBody(EventCodec.encode(envelope)).durable(true).build())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts reading a queue (e.g. linkops.clicks::reporting-service.clicks) into {@link #clicks}. */
    public void readClicks(String fqqn) throws Exception {
        io.vertx.amqp.AmqpReceiver receiver = connection.createReceiver(fqqn)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        receiver.handler(message -> {
            try {
                EventEnvelope envelope = EventCodec.decode(bodyText(message));
                clicks.add(new ReceivedClick(EventCodec.payload(envelope, ClickRecorded.class),
                        message.applicationProperties() == null ? null
                                : message.applicationProperties().getString("_AMQ_DUPL_ID"),
                        envelope.eventId().toString()));
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        });
    }

    public List<ReceivedClick> clicksFor(String code) {
        return clicks.stream().filter(c -> code.equals(c.click().code())).toList();
    }

    private static String bodyText(AmqpMessage message) {
        Section body = message.unwrap().getBody();
        if (body instanceof Data data) {
            return new String(data.getValue().getArray(), data.getValue().getArrayOffset(), data.getValue().getLength(),
                    StandardCharsets.UTF_8);
        }
        if (body instanceof AmqpValue value) {
            Object v = value.getValue();
            if (v instanceof String s) {
                return s;
            }
            return new io.vertx.core.json.JsonObject((Map<String, Object>) v).encode();
        }
        throw new IllegalStateException("unexpected body " + body);
    }

    @Override
    public void close() {
        connection.close();
        vertx.close();
    }
}
