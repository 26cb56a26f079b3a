package dev.linkops.redirect.messaging;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.redirect.domain.AvailabilityTable;
import dev.linkops.redirect.domain.RoutingTable;
import dev.linkops.redirect.state.StateStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Applies link and availability events to the in-memory tables. Idempotent by version/sequence, so
 * redelivery is harmless; applying is a map update, cheap enough to do on the connector's thread.
 * A malformed event is logged and acknowledged: a poison message must not stop the channel.
 */
@ApplicationScoped
public class StateEventsConsumer {
    private static final Logger LOG = Logger.getLogger(StateEventsConsumer.class);

    @Inject
    RoutingTable links;
    @Inject
    AvailabilityTable availability;
    @Inject
    StateStatus status;
    @Inject
    MeterRegistry registry;

    /** DESIGN §7 propagation as this replica sees it: feed received by availability-service → routing here. */
    private Timer propagation;

    @PostConstruct
    void meters() {
        propagation = Timer.builder("linkops.redirect.availability.propagation")
                .description("from availability-service receiving a feed to this replica routing by it")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Incoming(Channels.LINKS_IN)
    public CompletionStage<Void> onLink(Message<Object> message) {
        return handle(message, Channels.LINKS_IN);
    }

    @Incoming(Channels.AVAILABILITY_IN)
    public CompletionStage<Void> onAvailability(Message<Object> message) {
        return handle(message, Channels.AVAILABILITY_IN);
    }

    private CompletionStage<Void> handle(Message<Object> message, String channel) {
        try {
            EventEnvelope envelope = EventBodies.envelope(message.getPayload());
            boolean changed = apply(envelope);
            LOG.debugf("%s %s %s applied=%s", channel, envelope.type(), envelope.payload(), changed);
            registry.counter("linkops.redirect.events", "channel", channel, "type", envelope.type(),
                    "applied", String.valueOf(changed)).increment();
            if (changed) {
                status.changed();
            }
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("malformed event on %s skipped: %s", channel, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "event on %s not applied", channel);
            return message.nack(e);
        }
        return message.ack();
    }

    boolean apply(EventEnvelope envelope) {
        EventType type = EventType.ofWireName(envelope.type());
        if (type == null) {
            return false; // a type this version does not know
        }
        return switch (type) {
            case LINK_PUBLISHED -> links.apply(EventCodec.payload(envelope, LinkPublished.class))
                    == RoutingTable.Applied.APPLIED;
            case LINK_RETIRED -> links.retire(EventCodec.payload(envelope, LinkRetired.class))
                    == RoutingTable.Applied.APPLIED;
            case AVAILABILITY_CHANGED -> {
                AvailabilityChanged event = EventCodec.payload(envelope, AvailabilityChanged.class);
                boolean applied = availability.apply(event);
                if (applied && event.receivedAt() != null) {
                    propagation.record(Duration.between(event.receivedAt(), Instant.now())); // a negative (clock skew) is dropped
                }
                yield applied;
            }
            default -> false;
        };
    }
}
