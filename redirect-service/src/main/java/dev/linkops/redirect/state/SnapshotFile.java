package dev.linkops.redirect.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.LinkPublished;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The local copy of the routing state: {@code {"writtenAt", "links": [LinkPublished...],
 * "availability": [AvailabilityChanged...]}}. Streamed both ways, so a million links never sit in
 * memory twice; written to a temporary file and moved into place, so a crash mid-write keeps the old one.
 */
public final class SnapshotFile {

    private static final ObjectMapper MAPPER = EventCodec.mapper();

    private SnapshotFile() {
    }

    public static void write(Path file, List<LinkPublished> links, List<AvailabilityChanged> availability)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
             JsonGenerator gen = MAPPER.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("writtenAt", Instant.now().toString());
            gen.writeArrayFieldStart("links");
            for (LinkPublished link : links) {
                MAPPER.writeValue(gen, link);
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("availability");
            for (AvailabilityChanged signal : availability) {
                MAPPER.writeValue(gen, signal);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return how many links and signals were read */
    public static int[] read(Path file, Consumer<LinkPublished> links, Consumer<AvailabilityChanged> availability)
            throws IOException {
        int[] counts = new int[2];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a redirect snapshot");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("links".equals(field) && value == JsonToken.START_ARRAY) {
                    counts[0] = readArray(parser, LinkPublished.class, links);
                } else if ("availability".equals(field) && value == JsonToken.START_ARRAY) {
                    counts[1] = readArray(parser, AvailabilityChanged.class, availability);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return counts;
    }

    /** Reads the elements of the array the parser stands at the start of. */
    static <T> int readArray(JsonParser parser, Class<T> type, Consumer<T> sink) throws IOException {
        int n = 0;
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            sink.accept(MAPPER.readValue(parser, type));
            n++;
        }
        return n;
    }

    /** Reads a bare JSON array of {@code type} (the services' /internal snapshot bodies). */
    public static <T> int readArray(InputStream in, Class<T> type, Consumer<T> sink) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("expected a JSON array of " + type.getSimpleName());
            }
            return readArray(parser, type, sink);
        }
    }
}
