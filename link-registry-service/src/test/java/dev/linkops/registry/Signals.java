package dev.linkops.registry;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.platform.outbox.Outbox;
import dev.linkops.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * Puts availability and audit events on the real broker the way their producers do (through an outbox),
 * so they reach this service's consumers over its durable subscriptions.
 */
@ApplicationScoped
public class Signals {
    @Inject
    Outbox outbox;

    public void availability(String sku, String market, StockState state, long available, long sequence, Instant observedAt) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(Addresses.AVAILABILITY, new AvailabilityChanged(
                sku, market, state, StockState.UNKNOWN, available, 400L, null, "erp", observedAt, Instant.now(), sequence)));
    }

    /** A message that is not an event envelope at all, as a buggy producer might send. */
    public void garbage(String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage row = new OutboxMessage();
            row.id = UUID.randomUUID();
            row.address = address;
            row.eventType = "Garbage";
            row.envelope = "{\"hello\": \"not an envelope\"}";
            row.createdAt = Instant.now();
            row.persist();
        });
    }

    public void audit(UUID linkId, long version, String branch, boolean ok, String problem) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(Addresses.AUDITS, new DestinationChecked(linkId,
                version, branch, "https://shop.example.com/p/x", ok ? 200 : 404, null, ok, null, ok, problem,
                Instant.now())));
    }
}
