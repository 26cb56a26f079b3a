package dev.linkops.redirect.messaging;

import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.EventEnvelope;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * AMQP body → envelope. JSON bodies arrive as JsonObject, but text and bytes are accepted too. (The
 * same as platform's IncomingEvents; platform brings Hibernate and the outbox, which a service without
 * a database cannot take.)
 */
final class EventBodies {
    private EventBodies() {
    }

    static EventEnvelope envelope(Object body) {
        if (body instanceof JsonObject json) {
            return EventCodec.decode(json.encode());
        }
        if (body instanceof String text) {
            return EventCodec.decode(text);
        }
        if (body instanceof byte[] bytes) {
            return EventCodec.decode(new String(bytes, StandardCharsets.UTF_8));
        }
        if (body instanceof Buffer buffer) {
            return EventCodec.decode(buffer.toString(StandardCharsets.UTF_8));
        }
        throw new EventCodec.MalformedEventException("unexpected AMQP body "
                + (body == null ? "null" : body.getClass().getName()));
    }
}
