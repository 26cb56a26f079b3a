package dev.linkops.availability;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.FeedStale;
import dev.linkops.platform.messaging.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test-only subscriber on linkops.availability: what the tests read here really crossed the broker. */
@ApplicationScoped
public class BrokerProbe {
    public record Received(EventEnvelope envelope, Instant at) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    @Incoming("availability-probe")
    public CompletionStage<Void> on(Message<Object> message) {
        try {
            RECEIVED.add(new Received(IncomingEvents.envelope(message.getPayload()), Instant.now()));
        } catch (EventCodec.MalformedEventException e) {
            // not ours to judge here; the tests only look for well-formed events
        }
        return message.ack();
    }

    public static List<AvailabilityChanged> availability(String sku, String market) {
        return RECEIVED.stream().filter(r -> "AvailabilityChanged".equals(r.envelope().type()))
                .map(r -> EventCodec.payload(r.envelope(), AvailabilityChanged.class))
                .filter(a -> a.sku().equals(sku) && a.market().equals(market)).toList();
    }

    public static List<FeedStale> feedStale(String source) {
        return RECEIVED.stream().filter(r -> "FeedStale".equals(r.envelope().type()))
                .map(r -> EventCodec.payload(r.envelope(), FeedStale.class))
                .filter(f -> f.source().equals(source)).toList();
    }

    public static List<Received> all() {
        return List.copyOf(RECEIVED);
    }
}
