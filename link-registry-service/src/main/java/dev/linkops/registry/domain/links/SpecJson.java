package dev.linkops.registry.domain.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkops.contracts.events.v1.EventCodec;

/** The stored JSON form of a spec; the same mapper as events, so times and durations read as ISO-8601. */
public final class SpecJson {
    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private SpecJson() {
    }

    public static String write(LinkSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write link spec", e);
        }
    }

    public static LinkSpec read(String json) {
        try {
            return MAPPER.readValue(json, LinkSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored link spec is unreadable", e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored link spec is unreadable", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
