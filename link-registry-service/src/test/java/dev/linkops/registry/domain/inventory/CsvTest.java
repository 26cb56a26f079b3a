package dev.linkops.registry.domain.inventory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTest {
    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        StringBuilder out = new StringBuilder();
        Csv.appendRow(out, List.of("a,b", "say \"hi\"", "two\nlines", ""));
        assertEquals(List.of(List.of("a,b", "say \"hi\"", "two\nlines", "")), Csv.parse(out.toString()));
    }

    @Test
    void windowsLineEndsABomAndBlankLinesAreTolerated() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), Csv.parse("\uFEFFa,b\r\n\r\n1,2"));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("a,\"b\n"));
    }
}
