package dev.linkops.alerting.messaging;

import dev.linkops.alerting.domain.signals.ClickAlerts;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventType;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class ClickEventsConsumer {
    @Inject
    EventHandling handling;

    @Inject
    ClickAlerts clicks;

    @Incoming(Channels.CLICKS_IN)
    @Blocking
    public CompletionStage<Void> on(Message<Object> message) {
        return handling.handle(message, Channels.SERVICE + "/clicks", Map.of(
                EventType.CLICK_RECORDED, e -> clicks.on((ClickRecorded) e)));
    }
}
