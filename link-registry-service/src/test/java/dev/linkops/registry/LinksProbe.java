package dev.linkops.registry;

import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.platform.messaging.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Listens on linkops.links like a redirect replica (its own topic subscription), for tests to assert on. */
@ApplicationScoped
public class LinksProbe {
    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

    @Incoming("links-probe")
    public CompletionStage<Void> on(Message<Object> message) {
        received.add(IncomingEvents.envelope(message.getPayload()));
        return message.ack();
    }

    public LinkPublished awaitPublished(UUID linkId, long version) {
        return await(LinkPublished.class, e -> e.linkId().equals(linkId) && e.version() == version)
                .orElseThrow(() -> new AssertionError("no LinkPublished " + linkId + " v" + version + " on linkops.links; got "
                        + received.stream().map(EventEnvelope::type).toList()));
    }

    public LinkRetired awaitRetired(UUID linkId) {
        return await(LinkRetired.class, e -> e.linkId().equals(linkId))
                .orElseThrow(() -> new AssertionError("no LinkRetired for " + linkId));
    }

    /** Every LinkPublished seen so far for the link. */
    public List<LinkPublished> published(UUID linkId) {
        return received.stream().filter(e -> e.type().equals("LinkPublished"))
                .map(e -> EventCodec.payload(e, LinkPublished.class)).filter(p -> p.linkId().equals(linkId)).toList();
    }

    private <T extends Record> Optional<T> await(Class<T> type, Predicate<T> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (EventEnvelope envelope : received) {
                if (envelope.type().equals(type.getSimpleName())) {
                    T payload = EventCodec.payload(envelope, type);
                    if (wanted.test(payload)) {
                        return Optional.of(payload);
                    }
                }
            }
            Poll.sleep(50);
        }
        return Optional.empty();
    }
}
