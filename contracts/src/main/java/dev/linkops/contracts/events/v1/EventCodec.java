package dev.linkops.contracts.events.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes and reads envelopes. Unknown fields are ignored on read, so producers may add fields
 * without breaking older consumers.
 */
public final class EventCodec {
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private EventCodec() {
    }

    public static EventEnvelope wrap(Record payload, String producer) {
        EventType type = EventType.of(payload.getClass());
        return new EventEnvelope(UUID.randomUUID(), type.wireName, SCHEMA_VERSION, Instant.now(), producer,
                MAPPER.valueToTree(payload));
    }

    public static String encode(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + envelope.eventId(), e);
        }
    }

    /** @throws MalformedEventException when the text is not an envelope */
    public static EventEnvelope decode(String json) {
        try {
            EventEnvelope envelope = MAPPER.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.type() == null || envelope.payload() == null) {
                throw new MalformedEventException("envelope lacks eventId, type or payload");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage());
        }
    }

    /** @throws MalformedEventException when the payload does not fit the record */
    public static <T extends Record> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " " + envelope.eventId()
                    + " does not fit " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
