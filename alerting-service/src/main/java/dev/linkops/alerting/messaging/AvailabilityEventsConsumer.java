package dev.linkops.alerting.messaging;

import dev.linkops.alerting.domain.signals.FeedAlerts;
import dev.linkops.alerting.domain.signals.StockAlerts;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.contracts.events.v1.FeedStale;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class AvailabilityEventsConsumer {
    @Inject
    EventHandling handling;

    @Inject
    StockAlerts stock;

    @Inject
    FeedAlerts feeds;

    @Incoming(Channels.AVAILABILITY_IN)
    @Blocking
    public CompletionStage<Void> on(Message<Object> message) {
        return handling.handle(message, Channels.SERVICE + "/availability", Map.of(
                EventType.AVAILABILITY_CHANGED, e -> stock.on((AvailabilityChanged) e),
                EventType.FEED_STALE, e -> feeds.on((FeedStale) e)));
    }
}
