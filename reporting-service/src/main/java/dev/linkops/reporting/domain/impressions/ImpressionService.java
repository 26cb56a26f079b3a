package dev.linkops.reporting.domain.impressions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Impressions and spend per campaign, channel and day. An import is all or nothing (a file with a
 * bad line is fixed and sent again) and replaces the figures of each (campaign, channel, day) it
 * names, so re-sending a corrected file is safe.
 */
@ApplicationScoped
public class ImpressionService {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final List<String> CSV_COLUMNS = List.of("campaign", "channel", "day", "impressions", "spend",
            "currency");
    private static final int MAX_ROWS = 10_000;

    @Inject
    Sql sql;

    public record ImpressionRow(String campaign, String channel, LocalDate day, long impressions, BigDecimal spend,
                                String currency) {
    }

    public record ImportResult(int imported) {
    }

    @Transactional
    public ImportResult importJson(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw ProblemException.invalid("", "expected a non-empty JSON array of {campaign, channel, day, "
                    + "impressions, spend, currency}");
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (JsonNode node : body) {
            Map<String, String> fields = new HashMap<>();
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> fields.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText() : "\u0000"));
            } else {
                fields.put("\u0000", "not an object");
            }
            items.add(fields);
        }
        return store(items, "/");
    }

    @Transactional
    public ImportResult importCsv(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("", "the CSV is empty");
        }
        String[] lines = text.strip().split("\r?\n");
        List<String> header = List.of(lines[0].strip().toLowerCase().split("\\s*,\\s*"));
        for (String required : CSV_COLUMNS.subList(0, 5)) {
            if (!header.contains(required)) {
                throw ProblemException.invalid("/line/1", "the header must name the columns " + CSV_COLUMNS
                        + " (currency optional); '" + required + "' is missing");
            }
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size() && c < cells.length; c++) {
                fields.put(header.get(c), cells[c].strip());
            }
            if (cells.length != header.size()) {
                fields.put("\u0000", "has " + cells.length + " cells, the header " + header.size());
            }
            items.add(fields);
        }
        return store(items, "/line/");
    }

    private ImportResult store(List<Map<String, String>> items, String pointerPrefix) {
        if (items.size() > MAX_ROWS) {
            throw ProblemException.invalid("", "at most " + MAX_ROWS + " rows per import");
        }
        boolean csv = pointerPrefix.startsWith("/line");
        List<FieldError> errors = new ArrayList<>();
        List<ImpressionRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            // CSV errors name the file's line (header is line 1), JSON errors the array index
            String at = pointerPrefix + (csv ? i + 2 : i);
            Map<String, String> f = items.get(i);
            if (f.containsKey("\u0000")) {
                errors.add(new FieldError(at, f.get("\u0000")));
                continue;
            }
            int before = errors.size();
            String campaign = required(f, "campaign", at, errors);
            String channel = required(f, "channel", at, errors);
            LocalDate day = null;
            String dayText = required(f, "day", at, errors);
            if (dayText != null) {
                try {
                    day = LocalDate.parse(dayText);
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(at + "/day", "must be a date such as 2026-12-05"));
                }
            }
            long impressions = 0;
            String imp = required(f, "impressions", at, errors);
            if (imp != null) {
                try {
                    impressions = Long.parseLong(imp);
                    if (impressions < 0) {
                        errors.add(new FieldError(at + "/impressions", "must not be negative"));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(at + "/impressions", "must be a whole number"));
                }
            }
            BigDecimal spend = BigDecimal.ZERO;
            String sp = required(f, "spend", at, errors);
            if (sp != null) {
                try {
                    spend = new BigDecimal(sp);
                    if (spend.signum() < 0 || spend.scale() > 2) {
                        errors.add(new FieldError(at + "/spend", "must be a non-negative amount with at most 2 decimals"));
                    }
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(at + "/spend", "must be a number"));
                }
            }
            String currency = f.get("currency");
            if (currency != null && !currency.isEmpty() && !CURRENCY.matcher(currency).matches()) {
                errors.add(new FieldError(at + "/currency", "must be an ISO 4217 code such as USD"));
            }
            if (errors.size() == before) {
                rows.add(new ImpressionRow(campaign, channel, day, impressions, spend,
                        currency == null || currency.isEmpty() ? null : currency));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Instant now = Instant.now();
        for (ImpressionRow r : rows) {
            sql.update("""
                    INSERT INTO impression (campaign, channel, day, impressions, spend, currency, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (campaign, channel, day) DO UPDATE SET impressions = EXCLUDED.impressions,
                        spend = EXCLUDED.spend, currency = EXCLUDED.currency, imported_at = EXCLUDED.imported_at
                    """, r.campaign(), r.channel(), r.day(), r.impressions(), r.spend(), r.currency(), now);
        }
        return new ImportResult(rows.size());
    }

    private static String required(Map<String, String> f, String field, String at, List<FieldError> errors) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            errors.add(new FieldError(at + "/" + field, "is required"));
            return null;
        }
        if ("\u0000".equals(v)) {
            errors.add(new FieldError(at + "/" + field, "must be a plain value"));
            return null;
        }
        return v;
    }
}
