package dev.linkops.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** The processed-event log that makes consumers idempotent (at-least-once in, exactly-once effect). */
@ApplicationScoped
public class ProcessedEvents {
    @Inject
    EntityManager em;

    /**
     * Records the event for this consumer in the caller's transaction.
     *
     * @return false when it was already processed (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(UUID eventId, String consumer) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, consumer, processed_at) "
                        + "VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate() == 1;
    }
}
