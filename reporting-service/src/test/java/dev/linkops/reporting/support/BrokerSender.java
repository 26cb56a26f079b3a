package dev.linkops.reporting.support;

import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Publishes envelopes to the real broker the way producers do (durable JSON body), and waits for the accept. */
@ApplicationScoped
public class BrokerSender {
    @Inject
    @Channel("test-out")
    Emitter<JsonObject> emitter;

    public void send(String address, EventEnvelope envelope) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder().withAddress(address).withDurable(true)
                .withContentType("application/json").build();
        emitter.send(Message.of(new JsonObject(EventCodec.encode(envelope)), Metadata.of(amqp),
                () -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not accept the message", e);
        }
    }
}
