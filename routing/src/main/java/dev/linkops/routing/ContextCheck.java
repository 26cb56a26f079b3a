package dev.linkops.routing;

import java.time.Instant;
import java.util.Arrays;

/** device / market / language / segment: the request's value must be one of the listed ones. */
final class ContextCheck implements Check {

    enum Field { DEVICE, MARKET, LANGUAGE, SEGMENT }

    private final Field field;
    private final String[] values;

    ContextCheck(Field field, String[] values) {
        this.field = field;
        this.values = values;
    }

    @Override
    public boolean holds(RequestContext request, Instant now, StockSnapshot stock) {
        String actual = switch (field) {
            case DEVICE -> request.device();
            case MARKET -> request.market();
            case LANGUAGE -> request.language();
            case SEGMENT -> request.segment();
        };
        if (actual == null) {
            return false;
        }
        for (String value : values) {
            if (actual.equalsIgnoreCase(value) || (field == Field.LANGUAGE && hasPrimaryTag(actual, value))) {
                return true;
            }
        }
        return false;
    }

    /** "en" lists every English: a visitor reporting "en-GB" or "en_GB" matches it. */
    private static boolean hasPrimaryTag(String actual, String listed) {
        int n = listed.length();
        if (actual.length() <= n || !actual.regionMatches(true, 0, listed, 0, n)) {
            return false;
        }
        char separator = actual.charAt(n);
        return separator == '-' || separator == '_';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextCheck other && field == other.field && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * field.hashCode() + Arrays.hashCode(values);
    }
}
