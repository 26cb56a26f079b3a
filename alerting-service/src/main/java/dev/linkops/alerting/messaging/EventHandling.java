package dev.linkops.alerting.messaging;

import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.platform.messaging.IncomingEvents;
import dev.linkops.platform.messaging.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The consumer pattern shared by every channel: decode, skip unknown types, apply once per event id
 * in one transaction, ack. A malformed event is logged and acked (a poison message must not stop the
 * channel); any other failure nacks it for redelivery.
 */
@ApplicationScoped
public class EventHandling {
    private static final Logger LOG = Logger.getLogger(EventHandling.class);

    @Inject
    ProcessedEvents processed;

    public CompletionStage<Void> handle(Message<Object> message, String consumer,
                                        Map<EventType, Consumer<Record>> handlers) {
        EventEnvelope envelope;
        try {
            envelope = IncomingEvents.envelope(message.getPayload());
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("%s: dropping malformed message: %s", consumer, e.getMessage());
            return message.ack();
        }
        EventType type = EventType.ofWireName(envelope.type());
        Consumer<Record> handler = type == null ? null : handlers.get(type);
        if (handler == null) {
            return message.ack();
        }
        try {
            Record payload = EventCodec.payload(envelope, type.payloadType);
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.firstTime(envelope.eventId(), consumer)) {
                    handler.accept(payload);
                }
            });
            return message.ack();
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("%s: dropping malformed %s %s: %s", consumer, envelope.type(), envelope.eventId(), e.getMessage());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s: %s %s failed, will be redelivered", consumer, envelope.type(), envelope.eventId());
            return message.nack(e);
        }
    }
}
