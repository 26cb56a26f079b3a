package dev.linkops.registry.messaging;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.platform.messaging.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Thin adapters for the two topics preflight reads: availability (stock verification) and destination
 * audits (page validation). A malformed message is logged and acknowledged so it cannot stop the channel.
 */
@ApplicationScoped
public class SignalConsumers {
    private static final Logger LOG = Logger.getLogger(SignalConsumers.class);

    private final SignalHandlers handlers;

    public SignalConsumers(SignalHandlers handlers) {
        this.handlers = handlers;
    }

    @Incoming(Channels.AVAILABILITY_IN)
    @Blocking
    public CompletionStage<Void> onAvailability(Message<Object> message) {
        return handle(message, EventType.AVAILABILITY_CHANGED, envelope ->
                handlers.availabilityChanged(envelope, EventCodec.payload(envelope, AvailabilityChanged.class)));
    }

    @Incoming(Channels.AUDITS_IN)
    @Blocking
    public CompletionStage<Void> onAudit(Message<Object> message) {
        return handle(message, EventType.DESTINATION_CHECKED, envelope ->
                handlers.destinationChecked(envelope, EventCodec.payload(envelope, DestinationChecked.class)));
    }

    private CompletionStage<Void> handle(Message<Object> message, EventType wanted,
                                         java.util.function.Consumer<EventEnvelope> handler) {
        EventEnvelope envelope;
        try {
            envelope = IncomingEvents.envelope(message.getPayload());
            if (EventType.ofWireName(envelope.type()) == wanted) {
                handler.accept(envelope);
            }
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("dropping malformed %s message: %s", wanted.wireName, e.getMessage());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("could not apply %s, will be redelivered: %s", wanted.wireName, e.toString());
            return message.nack(e);
        }
        return message.ack();
    }
}
