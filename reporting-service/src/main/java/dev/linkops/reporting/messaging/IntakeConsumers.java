package dev.linkops.reporting.messaging;

import dev.linkops.contracts.events.v1.AlertRaised;
import dev.linkops.contracts.events.v1.AlertResolved;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.platform.messaging.IncomingEvents;
import dev.linkops.reporting.domain.clicks.ClickIntake;
import dev.linkops.reporting.domain.signals.SignalIntake;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Thin adapters from the broker to the transactional handlers. A poison message is logged and
 * acked (it must not stop the channel); any other failure is nacked so the broker redelivers.
 */
@ApplicationScoped
public class IntakeConsumers {
    private static final Logger LOG = Logger.getLogger(IntakeConsumers.class);

    @Inject
    ClickBatcher batcher;
    @Inject
    SignalIntake signals;
    @Inject
    MeterRegistry registry;

    /** Hands clicks to the batch writer, which acks each message once its batch has committed. */
    @Incoming(Channels.CLICKS_IN)
    @Blocking
    public CompletionStage<Void> clicks(Message<Object> m) {
        try {
            EventEnvelope env = IncomingEvents.envelope(m.getPayload());
            if (EventType.ofWireName(env.type()) != EventType.CLICK_RECORDED) {
                return m.ack();
            }
            ClickRecorded click = EventCodec.payload(env, ClickRecorded.class);
            if (click.clickId() == null) {
                throw new EventCodec.MalformedEventException("ClickRecorded " + env.eventId() + " has no clickId");
            }
            batcher.submit(ClickIntake.factOf(click), m);
            return CompletableFuture.completedFuture(null);
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("dropping malformed message on %s: %s", Channels.CLICKS_IN, e.getMessage());
            registry.counter("linkops.reporting.intake.malformed", "channel", Channels.CLICKS_IN).increment();
            return m.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return m.nack(e);
        }
    }

    @Incoming(Channels.LINKS_IN)
    @Blocking
    public CompletionStage<Void> links(Message<Object> m) {
        return deliver(m, Channels.LINKS_IN, env -> {
            EventType type = EventType.ofWireName(env.type());
            if (type == EventType.LINK_PUBLISHED) {
                signals.linkPublished(EventCodec.payload(env, LinkPublished.class));
            } else if (type == EventType.LINK_RETIRED) {
                signals.linkRetired(EventCodec.payload(env, LinkRetired.class));
            }
        });
    }

    @Incoming(Channels.AVAILABILITY_IN)
    @Blocking
    public CompletionStage<Void> availability(Message<Object> m) {
        return deliver(m, Channels.AVAILABILITY_IN, env -> {
            if (EventType.ofWireName(env.type()) == EventType.AVAILABILITY_CHANGED) {
                signals.availabilityChanged(EventCodec.payload(env, AvailabilityChanged.class));
            }
        });
    }

    @Incoming(Channels.AUDITS_IN)
    @Blocking
    public CompletionStage<Void> audits(Message<Object> m) {
        return deliver(m, Channels.AUDITS_IN, env -> {
            if (EventType.ofWireName(env.type()) == EventType.DESTINATION_CHECKED) {
                signals.destinationChecked(env.eventId(), EventCodec.payload(env, DestinationChecked.class));
            }
        });
    }

    @Incoming(Channels.ALERTS_IN)
    @Blocking
    public CompletionStage<Void> alerts(Message<Object> m) {
        return deliver(m, Channels.ALERTS_IN, env -> {
            EventType type = EventType.ofWireName(env.type());
            if (type == EventType.ALERT_RAISED) {
                signals.alertRaised(EventCodec.payload(env, AlertRaised.class));
            } else if (type == EventType.ALERT_RESOLVED) {
                signals.alertResolved(EventCodec.payload(env, AlertResolved.class));
            }
        });
    }

    private CompletionStage<Void> deliver(Message<Object> m, String channel, Consumer<EventEnvelope> handler) {
        try {
            handler.accept(IncomingEvents.envelope(m.getPayload()));
            return m.ack();
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("dropping malformed message on %s: %s", channel, e.getMessage());
            registry.counter("linkops.reporting.intake.malformed", "channel", channel).increment();
            return m.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling a message on %s failed; the broker will redeliver it", channel);
            return m.nack(e);
        }
    }
}
