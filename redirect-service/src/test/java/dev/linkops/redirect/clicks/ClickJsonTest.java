package dev.linkops.redirect.clicks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.StockState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written click envelope says exactly what Jackson would, for every kind of value. */
class ClickJsonTest {

    /** The envelope's shape, serialised the standard way. */
    record Envelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String producer,
                    ClickRecorded payload) {
    }

    private static void assertSameAsJackson(ClickRecorded click) throws Exception {
        Instant occurred = Instant.parse("2026-12-03T21:00:00.123456789Z");
        String hand = ClickJson.envelope(click, "ClickRecorded", 1, occurred, "redirect-service");
        JsonNode expected = EventCodec.mapper().valueToTree(
                new Envelope(click.clickId(), "ClickRecorded", 1, occurred, "redirect-service", click));
        // compared as re-serialised trees: the tree types of numbers differ (LongNode vs IntNode), the JSON does not
        assertEquals(EventCodec.mapper().writeValueAsString(expected),
                EventCodec.mapper().writeValueAsString(EventCodec.mapper().readTree(hand)), hand);
        // and it decodes as any event does
        assertEquals(click, EventCodec.payload(EventCodec.decode(hand), ClickRecorded.class));
    }

    @Test
    void aRoutedClickWithSkus() throws Exception {
        assertSameAsJackson(new ClickRecorded(UUID.randomUUID(), "spk-weekend", UUID.randomUUID(), 7, "ROUTED",
                "low-stock", DestinationType.CATEGORY, "https://shop.test/c/speakers?featured=SPK-X1&utm_source=google",
                List.of(new SkuAtClick("SPK-X1", StockState.LOW, 12L, 350L),
                        new SkuAtClick("SPK-X2", StockState.UNKNOWN, null, null)),
                "mobile", "US", "en", "news.example", false, Instant.parse("2026-12-03T20:59:59Z"),
                "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void anOrphanClickWithNullsEverywhereTheyMayBe() throws Exception {
        assertSameAsJackson(new ClickRecorded(UUID.randomUUID(), "nope", null, 0, "UNKNOWN_CODE", "fallback", null,
                "https://shop.test/", List.of(), "desktop", null, null, null, true, Instant.EPOCH));
        assertSameAsJackson(new ClickRecorded(UUID.randomUUID(), null, null, 0, null, null, null, null, null, null,
                null, null, null, false, null));
    }

    @Test
    void textThatNeedsEscapingOrIsNotAscii() throws Exception {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        List<SkuAtClick> skus = new ArrayList<>();
        skus.add(new SkuAtClick("caf\u00e9-\u2603-\uD83D\uDE00", StockState.IN_STOCK, Long.MAX_VALUE, 0L));
        assertSameAsJackson(new ClickRecorded(UUID.randomUUID(), "code\"with\\quotes/and\u007f", UUID.randomUUID(),
                Long.MAX_VALUE, "ROUTED", "r\u00e8gle \u65e5\u672c", DestinationType.PDP,
                "https://shop.test/p?q=%E2%9C%93&x=" + controls, skus, "tablet", "FR", "fr",
                "b\u00fccher.example", false, Instant.parse("2026-12-03T21:00:00.000000001Z")));
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThemWhateverTheirPrecisionAndSecond() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-03T21:00:00Z"),
                Instant.parse("2026-12-03T21:00:00.100Z"), Instant.parse("2026-12-03T21:00:00.000100Z"),
                Instant.parse("2026-12-03T21:00:00.000000100Z"), Instant.parse("2026-12-03T21:00:00.999999999Z"),
                Instant.parse("2026-12-03T21:00:01.5Z"), Instant.parse("2026-12-03T21:00:00.5Z"),
                Instant.parse("+10000-01-01T00:00:00.25Z"), Instant.parse("-0001-12-31T23:59:59.75Z"),
                Instant.MIN, Instant.MAX));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5), random.nextInt(4) == 0 ? 0
                    : random.nextBoolean() ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            StringBuilder b = new StringBuilder();
            ClickJson.instant(b, instant);
            assertEquals('"' + instant.toString() + '"', b.toString());
        }
    }
}
