package dev.linkops.availability.domain.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvFeedReaderTest {
    @Test
    void columnsMayComeInAnyOrderWithQuotedCellsAndCrlf() {
        int[] rows = new int[1];
        List<JsonNode> items = CsvFeedReader.read(
                "observed_at,SKU,market,on_hand,reserved,backorderable\r\n"
                        + "2026-12-05T10:00:00Z,\"SPK,X1\",us,140,20,yes\r\n"
                        + "2026-12-05T10:00:00Z,SPK-X2,US,abc,,\r\n", 100, rows);
        assertEquals(2, rows[0]);
        assertEquals("SPK,X1", items.get(0).get("sku").asText());
        assertEquals(140, items.get(0).get("onHand").asLong());
        assertTrue(items.get(0).get("backorderable").booleanValue());
        assertTrue(items.get(1).get("onHand").isTextual(), "a non-number stays text so the validator rejects it");
    }

    @Test
    void anUnknownColumnIsRefusedNamingIt() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> CsvFeedReader.read("sku,market,onHand,observedAt,colour\n", 100, new int[1]));
        assertTrue(e.getMessage().contains("colour"));
    }

    @Test
    void rowsBeyondTheLimitAreCountedButNotParsed() {
        StringBuilder csv = new StringBuilder("sku,market,onHand,observedAt\n");
        for (int i = 0; i < 5; i++) {
            csv.append("S").append(i).append(",US,1,2026-12-05T10:00:00Z\n");
        }
        int[] rows = new int[1];
        assertEquals(3, CsvFeedReader.read(csv.toString(), 3, rows).size());
        assertEquals(5, rows[0]);
    }
}
