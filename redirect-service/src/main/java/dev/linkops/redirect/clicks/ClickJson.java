package dev.linkops.redirect.clicks;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;

import java.time.Instant;
import java.util.UUID;

/**
 * Writes a click's event envelope as JSON by hand. It runs on the event loop for every redirect (the
 * write-ahead log needs the bytes before the answer), where Jackson's reflective bean serialiser cost
 * about a tenth of the CPU. The output parses to the same tree as the Jackson encoding of the same
 * envelope ({@code ClickJsonTest} checks it); consumers decode it with {@code EventCodec} as any event.
 */
final class ClickJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ClickJson() {
    }

    static String envelope(ClickRecorded c, String type, int schemaVersion, Instant occurredAt, String producer) {
        StringBuilder b = new StringBuilder(640);
        b.append("{\"eventId\":");
        uuid(b, c.clickId());
        b.append(",\"type\":");
        string(b, type);
        b.append(",\"schemaVersion\":").append(schemaVersion);
        b.append(",\"occurredAt\":");
        instant(b, occurredAt);
        b.append(",\"producer\":");
        string(b, producer);
        b.append(",\"payload\":{\"clickId\":");
        uuid(b, c.clickId());
        b.append(",\"code\":");
        string(b, c.code());
        b.append(",\"linkId\":");
        uuid(b, c.linkId());
        b.append(",\"linkVersion\":").append(c.linkVersion());
        b.append(",\"outcome\":");
        string(b, c.outcome());
        b.append(",\"branch\":");
        string(b, c.branch());
        b.append(",\"destinationType\":");
        string(b, c.destinationType() == null ? null : c.destinationType().name());
        b.append(",\"destination\":");
        string(b, c.destination());
        b.append(",\"skus\":");
        if (c.skus() == null) {
            b.append("null");
        } else {
            b.append('[');
            for (int i = 0; i < c.skus().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                sku(b, c.skus().get(i));
            }
            b.append(']');
        }
        b.append(",\"device\":");
        string(b, c.device());
        b.append(",\"country\":");
        string(b, c.country());
        b.append(",\"language\":");
        string(b, c.language());
        b.append(",\"referrerHost\":");
        string(b, c.referrerHost());
        b.append(",\"bot\":").append(c.bot());
        b.append(",\"at\":");
        instant(b, c.at());
        b.append(",\"visitor\":");
        string(b, c.visitor());
        return b.append("}}").toString();
    }

    private static void sku(StringBuilder b, SkuAtClick s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append("{\"sku\":");
        string(b, s.sku());
        b.append(",\"state\":");
        string(b, s.state() == null ? null : s.state().name());
        b.append(",\"available\":").append(s.available()); // "null" when absent, as JSON wants
        b.append(",\"signalAgeMs\":").append(s.signalAgeMs());
        b.append('}');
    }

    private static void uuid(StringBuilder b, UUID u) {
        if (u == null) {
            b.append("null");
        } else {
            b.append('"').append(u).append('"');
        }
    }

    /** The last second written and its "yyyy-MM-ddTHH:mm:ss" text: a redirect's clicks share few seconds. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    /** ISO-8601 exactly as {@link Instant#toString()} (and Jackson's JavaTimeModule) writes it. */
    static void instant(StringBuilder b, Instant i) {
        if (i == null) {
            b.append("null");
            return;
        }
        Second second = lastSecond;
        if (second.epochSecond() != i.getEpochSecond()) {
            String full = Instant.ofEpochSecond(i.getEpochSecond()).toString(); // ...:ssZ
            if (full.length() != 20) { // years beyond 9999 or before 0000: no shortcut
                b.append('"').append(i).append('"');
                return;
            }
            second = new Second(i.getEpochSecond(), full.substring(0, 19));
            lastSecond = second;
        }
        b.append('"').append(second.text());
        int nano = i.getNano();
        if (nano != 0) {
            b.append('.');
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            for (int scale = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; scale > 0; scale /= 10) {
                b.append((char) ('0' + value / scale % 10));
            }
        }
        b.append("Z\"");
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (ch < 0x20) {
                        b.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
                    } else {
                        b.append(ch); // the rest, surrogate pairs included, as is: the log and the wire are UTF-8
                    }
            }
        }
        b.append('"');
    }
}
