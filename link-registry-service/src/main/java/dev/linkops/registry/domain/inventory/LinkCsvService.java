package dev.linkops.registry.domain.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.linkops.contracts.events.v1.RouteRule;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.registry.domain.Actor;
import dev.linkops.registry.domain.links.Link;
import dev.linkops.registry.domain.links.LinkInput;
import dev.linkops.registry.domain.links.LinkService;
import dev.linkops.registry.domain.links.LinkSpec;
import dev.linkops.registry.domain.links.SpecJson;
import dev.linkops.registry.domain.versions.VersionKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV export of the inventory and import of a team's existing links (as drafts). An import is all or
 * nothing: one bad row refuses the file and names every bad cell.
 */
@ApplicationScoped
public class LinkCsvService {
    public static final List<String> COLUMNS = List.of("id", "code", "status", "version", "owner", "team", "campaign",
            "channel", "purpose", "skus", "markets", "language", "currency", "startsAt", "endsAt", "destination",
            "destinationType", "fallbackUrl", "expiredUrl", "pausedUrl", "utm_source", "utm_medium", "utm_campaign",
            "utm_content", "utm_term", "redirectStatus", "maxSignalAge", "clickId", "rules", "notes");
    /** Columns an import ignores: the registry assigns them. */
    private static final List<String> ASSIGNED = List.of("id", "status", "version");
    private static final int MAX_ROWS = 5000;
    private static final TypeReference<List<RouteRule>> RULES = new TypeReference<>() {
    };

    /** What an import made. */
    public record Imported(int created, List<Link> links) {
    }

    private final LinkService linkService;

    public LinkCsvService(LinkService linkService) {
        this.linkService = linkService;
    }

    public String export(List<Link> links) {
        StringBuilder out = new StringBuilder();
        Csv.appendRow(out, COLUMNS);
        for (Link link : links) {
            LinkSpec s = SpecJson.read(link.spec);
            Csv.appendRow(out, Arrays.asList(link.id.toString(), link.code, link.status.name(),
                    String.valueOf(link.version), link.owner, s.team(), s.campaign(), s.channel(), s.purpose().name(),
                    String.join(" ", s.skus()), String.join(" ", s.markets()), s.language(), s.currency(),
                    str(s.startsAt()), str(s.endsAt()), s.destination(), s.destinationType().name(), s.fallbackUrl(),
                    s.expiredUrl(), s.pausedUrl(), s.utm().get("source"), s.utm().get("medium"),
                    s.utm().get("campaign"), s.utm().get("content"), s.utm().get("term"),
                    String.valueOf(s.redirectStatus()), s.maxSignalAge().toString(), String.valueOf(s.clickId()),
                    s.rules().isEmpty() ? "" : json(s.rules()), s.notes()));
        }
        return out.toString();
    }

    @Transactional
    public Imported importCsv(String text, Actor actor) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("/", "is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("/", "is empty; the first line must name the columns: " + COLUMNS);
        }
        List<String> header = rows.get(0).stream().map(String::trim).toList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                errors.add(new FieldError("/header/" + i, "unknown column '" + header.get(i) + "'; known: " + COLUMNS));
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            errors.add(new FieldError("/rows", "at most " + MAX_ROWS + " links per file"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Link> created = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String prefix = "/rows/" + (r - 1);
            int line = r + 1;
            Map<String, String> cells = cells(header, rows.get(r));
            try {
                LinkInput input = input(cells);
                String owner = blankToNull(cells.get("owner"));
                created.add(linkService.create(input, actor, owner == null ? actor.name() : owner,
                        VersionKind.IMPORTED, "imported from CSV").link());
            } catch (ProblemException e) {
                if (e.errors().isEmpty()) {
                    errors.add(new FieldError(prefix, e.getMessage()));
                }
                e.errors().forEach(fe -> errors.add(new FieldError(prefix + fe.field(), fe.reason() + " (line " + line + ")")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Imported(created.size(), created);
    }

    private static Map<String, String> cells(List<String> header, List<String> row) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            if (!ASSIGNED.contains(header.get(i))) {
                cells.put(header.get(i), row.get(i));
            }
        }
        return cells;
    }

    private static LinkInput input(Map<String, String> c) {
        Map<String, String> utm = new LinkedHashMap<>();
        for (String key : List.of("source", "medium", "campaign", "content", "term")) {
            String value = blankToNull(c.get("utm_" + key));
            if (value != null) {
                utm.put(key, value);
            }
        }
        return new LinkInput(blankToNull(c.get("code")), blankToNull(c.get("campaign")), blankToNull(c.get("channel")),
                blankToNull(c.get("purpose")), blankToNull(c.get("team")), list(c.get("skus")), list(c.get("markets")),
                blankToNull(c.get("language")), blankToNull(c.get("currency")), null,
                instant(c.get("startsAt"), "/startsAt"), instant(c.get("endsAt"), "/endsAt"), utm,
                blankToNull(c.get("destination")), blankToNull(c.get("destinationType")),
                blankToNull(c.get("fallbackUrl")), blankToNull(c.get("expiredUrl")), blankToNull(c.get("pausedUrl")),
                rules(c.get("rules"), "/rules"), integer(c.get("redirectStatus"), "/redirectStatus"),
                blankToNull(c.get("maxSignalAge")), bool(c.get("clickId"), "/clickId"),
                blankToNull(c.get("notes")));
    }

    private static List<String> list(String cell) {
        String value = blankToNull(cell);
        return value == null ? List.of() : List.of(value.trim().split("[\\s;|]+"));
    }

    private static Instant instant(String cell, String field) {
        String value = blankToNull(cell);
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-12-05T00:00:00Z");
        }
    }

    private static Integer integer(String cell, String field) {
        String value = blankToNull(cell);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a number");
        }
    }

    private static Boolean bool(String cell, String field) {
        String value = blankToNull(cell);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw ProblemException.invalid(field, "must be true or false");
        };
    }

    private static List<RouteRule> rules(String cell, String field) {
        String value = blankToNull(cell);
        if (value == null) {
            return null;
        }
        try {
            return SpecJson.mapper().readValue(value, RULES);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(field, "must be the rules as a JSON array: " + e.getOriginalMessage());
        }
    }

    private static String json(Object value) {
        try {
            return SpecJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
