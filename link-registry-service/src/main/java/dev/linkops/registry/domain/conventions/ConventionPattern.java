package dev.linkops.registry.domain.conventions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A naming pattern made of named parts and literal separators, e.g.
 * {@code {date}_{channel}_{productLine}_{audience}_{objective}}. A value is checked part by part so the
 * reason names the part that is wrong and what it expected.
 */
public final class ConventionPattern {

    /** What one part may be: an explicit list of values, or a regex (default: lower-case letters and digits). */
    public record PartRule(List<String> values, String regex, String description) {
    }

    private static final Pattern PART = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final String DEFAULT_REGEX = "[a-z0-9]+";
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String pattern;
    private final List<String> parts = new ArrayList<>();
    /** separators.get(i) follows parts.get(i); the last entry is the trailing literal (often ""). */
    private final List<String> separators = new ArrayList<>();
    private final String prefix;
    private final Map<String, PartRule> rules;
    private final Map<String, Pattern> compiled = new java.util.HashMap<>();

    private ConventionPattern(String pattern, Map<String, PartRule> rules) {
        this.pattern = pattern;
        this.rules = rules;
        Matcher m = PART.matcher(pattern);
        int last = 0;
        String head = null;
        while (m.find()) {
            String literal = pattern.substring(last, m.start());
            if (head == null) {
                head = literal;
            } else {
                if (literal.isEmpty()) {
                    throw new IllegalArgumentException("parts {" + parts.get(parts.size() - 1) + "} and {"
                            + m.group(1) + "} need a separator between them");
                }
                separators.add(literal);
            }
            parts.add(m.group(1));
            last = m.end();
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("must contain at least one {part}");
        }
        separators.add(pattern.substring(last));
        prefix = head;
        for (String part : parts) {
            PartRule rule = rules.get(part);
            if (rule != null && rule.regex() != null) {
                try {
                    compiled.put(part, Pattern.compile(rule.regex()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("part " + part + " has an invalid regex: " + e.getDescription());
                }
            }
        }
        for (String name : rules.keySet()) {
            if (!parts.contains(name)) {
                throw new IllegalArgumentException("defines part " + name + " which the pattern does not use");
            }
        }
    }

    /** @throws IllegalArgumentException with a reason when the pattern or a part rule is malformed */
    public static ConventionPattern of(String pattern, Map<String, PartRule> rules) {
        return new ConventionPattern(pattern, rules == null ? Map.of() : rules);
    }

    /** @return why the value breaks the convention, or empty when it follows it */
    public Optional<String> violation(String value) {
        if (!value.startsWith(prefix)) {
            return Optional.of("must start with '" + prefix + "' (pattern " + pattern + ")");
        }
        int pos = prefix.length();
        for (int i = 0; i < parts.size(); i++) {
            String separator = separators.get(i);
            boolean last = i == parts.size() - 1;
            int end;
            if (last) {
                if (!value.endsWith(separator) || value.length() - separator.length() < pos) {
                    return Optional.of("must end with '" + separator + "' (pattern " + pattern + ")");
                }
                end = value.length() - separator.length();
            } else {
                end = value.indexOf(separator, pos);
                if (end < 0) {
                    return Optional.of("has " + (i + 1) + " of " + parts.size() + " parts; expected " + pattern
                            + " — part {" + parts.get(i + 1) + "} is missing");
                }
            }
            String actual = value.substring(pos, end);
            Optional<String> wrong = checkPart(parts.get(i), actual);
            if (wrong.isPresent()) {
                return wrong;
            }
            pos = end + separator.length();
        }
        return Optional.empty();
    }

    private Optional<String> checkPart(String name, String actual) {
        PartRule rule = rules.get(name);
        String expected;
        boolean ok;
        if (rule != null && rule.values() != null && !rule.values().isEmpty()) {
            ok = rule.values().contains(actual);
            expected = "one of " + rule.values();
        } else if (compiled.containsKey(name)) {
            ok = compiled.get(name).matcher(actual).matches();
            expected = rule.description() != null ? rule.description() : "a value matching " + rule.regex();
        } else if (name.equals("date")) {
            ok = isBasicDate(actual);
            expected = "a date written YYYYMMDD";
        } else {
            ok = actual.matches(DEFAULT_REGEX);
            expected = "lower-case letters and digits";
        }
        if (ok) {
            return Optional.empty();
        }
        return Optional.of("part {" + name + "} is '" + actual + "'; expected " + expected + " (pattern " + pattern + ")");
    }

    private static boolean isBasicDate(String text) {
        if (!text.matches("\\d{8}")) {
            return false;
        }
        try {
            LocalDate.parse(text, BASIC_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
