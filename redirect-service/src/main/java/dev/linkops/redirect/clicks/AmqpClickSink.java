package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.EventType;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends one click to {@code linkops.clicks} (multicast, with reporting's and alerting's queues declared
 * on the broker), durable, with the click id as Artemis duplicate id so a resend after a lost
 * confirmation is dropped by the broker.
 */
@ApplicationScoped
public class AmqpClickSink implements ClickSink {
    public static final String CHANNEL = "clicks-out";

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<JsonObject> emitter;

    @Override
    public CompletionStage<Void> send(String clickId, String envelopeJson) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withAddress(Addresses.CLICKS)
                .withDurable(true)
                .withMessageId(clickId)
                .withSubject(EventType.CLICK_RECORDED.wireName)
                .withContentType("application/json")
                .withApplicationProperties(new JsonObject()
                        .put("_AMQ_DUPL_ID", clickId)
                        .put("type", EventType.CLICK_RECORDED.wireName))
                .build();
        Message<JsonObject> message = Message.of(new JsonObject(envelopeJson), Metadata.of(amqp),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return done;
    }
}
