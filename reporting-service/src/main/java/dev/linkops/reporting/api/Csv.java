package dev.linkops.reporting.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV of report rows: a header, then one line per row, the same values as the JSON. */
final class Csv {
    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static String of(List<Map<String, Object>> rows, List<String> emptyHeader) {
        StringBuilder out = new StringBuilder();
        List<String> header = rows.isEmpty() ? emptyHeader : List.copyOf(rows.get(0).keySet());
        line(out, header.stream().map(h -> (Object) h).toList());
        for (Map<String, Object> row : rows) {
            line(out, header.stream().map(row::get).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
