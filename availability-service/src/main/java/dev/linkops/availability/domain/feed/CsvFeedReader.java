package dev.linkops.availability.domain.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkops.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV form of a feed: a header row naming the columns (sku, market, onHand, reserved,
 * backorderable, observedAt; any order, case and underscores ignored), then one item per row. Each
 * row becomes the same JSON item the JSON intake takes, so both go through one validator.
 */
public final class CsvFeedReader {
    private static final Map<String, String> COLUMNS = Map.of(
            "sku", "sku", "market", "market", "onhand", "onHand", "reserved", "reserved",
            "backorderable", "backorderable", "observedat", "observedAt");

    private CsvFeedReader() {
    }

    /** @param maxItems rows beyond this are not parsed; the caller refuses the batch by count */
    public static List<JsonNode> read(String text, int maxItems, int[] rowCount) {
        List<List<String>> rows = parse(text == null ? "" : text);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("/", "the CSV needs a header row: sku,market,onHand,reserved,backorderable,observedAt");
        }
        List<String> header = rows.get(0);
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().replace("_", "").toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !COLUMNS.containsKey(name)) {
                throw ProblemException.invalid("/header/" + i, "unknown column '" + header.get(i)
                        + "'; expected sku, market, onHand, reserved, backorderable, observedAt");
            }
            fields[i] = COLUMNS.get(name);
        }
        for (String required : List.of("sku", "market", "onHand", "observedAt")) {
            if (!List.of(fields).contains(required)) {
                throw ProblemException.invalid("/header", "the column " + required + " is missing");
            }
        }
        rowCount[0] = rows.size() - 1;
        List<JsonNode> items = new ArrayList<>();
        for (int r = 1; r < rows.size() && items.size() < maxItems; r++) {
            items.add(toItem(rows.get(r), fields));
        }
        return items;
    }

    private static JsonNode toItem(List<String> row, String[] fields) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode item = f.objectNode();
        for (int i = 0; i < fields.length && i < row.size(); i++) {
            if (fields[i] == null) {
                continue;
            }
            String cell = row.get(i).trim();
            if (cell.isEmpty()) {
                continue;
            }
            switch (fields[i]) {
                case "onHand", "reserved" -> {
                    try {
                        item.put(fields[i], Long.parseLong(cell));
                    } catch (NumberFormatException e) {
                        item.put(fields[i], cell);
                    }
                }
                case "backorderable" -> {
                    String b = cell.toLowerCase(Locale.ROOT);
                    if (b.equals("true") || b.equals("yes") || b.equals("1")) {
                        item.put(fields[i], true);
                    } else if (b.equals("false") || b.equals("no") || b.equals("0")) {
                        item.put(fields[i], false);
                    } else {
                        item.put(fields[i], cell);
                    }
                }
                default -> item.put(fields[i], cell);
            }
        }
        return item;
    }

    /** RFC 4180: comma separated, double quotes around fields that hold commas, quotes or line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // handled with the \n that follows
                }
                case '\n' -> {
                    endRow(rows, row, cell, any);
                    row = new ArrayList<>();
                    any = false;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        endRow(rows, row, cell, any);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell, boolean any) {
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        cell.setLength(0);
    }
}
