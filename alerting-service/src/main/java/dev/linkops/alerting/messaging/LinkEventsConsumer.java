package dev.linkops.alerting.messaging;

import dev.linkops.alerting.domain.links.LinkChanges;
import dev.linkops.contracts.events.v1.EventType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class LinkEventsConsumer {
    @Inject
    EventHandling handling;

    @Inject
    LinkChanges links;

    @Incoming(Channels.LINKS_IN)
    @Blocking
    public CompletionStage<Void> on(Message<Object> message) {
        return handling.handle(message, Channels.SERVICE + "/links", Map.of(
                EventType.LINK_PUBLISHED, e -> links.on((LinkPublished) e),
                EventType.LINK_RETIRED, e -> links.on((LinkRetired) e)));
    }
}
