package dev.linkops.registry.messaging;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.EventEnvelope;
import dev.linkops.platform.messaging.ProcessedEvents;
import dev.linkops.registry.persistence.PageAuditRepository;
import dev.linkops.registry.persistence.StockSignalRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The transactional side of the consumers: record the event id, then apply. */
@ApplicationScoped
public class SignalHandlers {
    private final ProcessedEvents processed;
    private final StockSignalRepository stock;
    private final PageAuditRepository audits;

    public SignalHandlers(ProcessedEvents processed, StockSignalRepository stock, PageAuditRepository audits) {
        this.processed = processed;
        this.stock = stock;
        this.audits = audits;
    }

    @Transactional
    public void availabilityChanged(EventEnvelope envelope, AvailabilityChanged event) {
        if (processed.firstTime(envelope.eventId(), Channels.AVAILABILITY_IN)) {
            stock.apply(event);
        }
    }

    @Transactional
    public void destinationChecked(EventEnvelope envelope, DestinationChecked event) {
        if (processed.firstTime(envelope.eventId(), Channels.AUDITS_IN)) {
            audits.apply(event);
        }
    }
}
