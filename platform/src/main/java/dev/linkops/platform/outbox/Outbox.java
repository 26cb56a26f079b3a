package dev.linkops.platform.outbox;

import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;

/** Records an event in the caller's transaction (DESIGN §2: no dual writes). */
@ApplicationScoped
public class Outbox {

    /** Fired after each write; the relay observes it after commit and sends without waiting for its sweep. */
    public record Written() {
    }

    @Inject
    Event<Written> written;

    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String address, Record payload) {
        EventEnvelope envelope = EventCodec.wrap(payload, producer);
        OutboxMessage row = new OutboxMessage();
        row.id = envelope.eventId();
        row.address = address;
        row.eventType = envelope.type();
        row.envelope = EventCodec.encode(envelope);
        row.createdAt = Instant.now();
        row.persist();
        written.fire(new Written());
        return envelope;
    }
}
