package dev.linkops.reporting.api;

import dev.linkops.platform.problem.ProblemException;
import dev.linkops.reporting.domain.reports.Dimension;
import dev.linkops.reporting.domain.reports.ReportQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Report query parameters as people type them: {@code from}/{@code to} as dates (to inclusive) or as
 * instants (to exclusive); {@code groupBy} a comma list; markets upper case, devices lower case.
 */
final class ReportParams {
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private ReportParams() {
    }

    static ReportQuery parse(String campaign, String link, String from, String to, String groupBy, String channel,
                             String market, String device, boolean includeBots, int defaultDays) {
        Instant end = to == null || to.isBlank()
                ? LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : time("to", to, true);
        Instant start = from == null || from.isBlank()
                ? end.minus(Duration.ofDays(defaultDays))
                : time("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemException.invalid("from", "must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalid("to", "a report spans at most " + MAX_RANGE.toDays() + " days");
        }
        List<Dimension> dims = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String name : groupBy.split(",")) {
                Dimension d = Dimension.ofParam(name.strip());
                if (d == null) {
                    throw ProblemException.invalid("groupBy", "unknown dimension '" + name.strip()
                            + "'; expected any of " + Dimension.allowed());
                }
                if (!dims.contains(d)) {
                    dims.add(d);
                }
            }
        }
        return new ReportQuery(blankToNull(campaign), link == null || link.isBlank() ? null : uuid("link", link),
                start, end, blankToNull(channel),
                blankToNull(market) == null ? null : market.strip().toUpperCase(Locale.ROOT),
                blankToNull(device) == null ? null : device.strip().toLowerCase(Locale.ROOT), includeBots, dims);
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a link id (UUID)");
        }
    }

    private static Instant time(String field, String value, boolean endOfDay) {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (2026-12-05) or an instant (2026-12-05T10:00:00Z)");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
