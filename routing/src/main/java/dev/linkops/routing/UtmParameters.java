package dev.linkops.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A link's UTM parameters, percent-encoded once so a redirect only copies them. Keys may be given
 * bare ("source") or prefixed ("utm_source"); they are lower-cased because analytics tools treat
 * {@code utm_*} case-sensitively. The order is fixed (source, medium, campaign, term, content, id, then
 * any other key alphabetically) so the same link always yields the same URL whatever map it came in.
 * Null or blank values are left out.
 */
public final class UtmParameters {

    public static final UtmParameters NONE = new UtmParameters(new String[0], new String[0]);

    /** Bounded so the merger can track which ones it has written in one {@code long}. */
    static final int MAX = 64;

    private static final List<String> WELL_KNOWN = List.of(
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id");

    private final String[] keys;
    private final String[] pairs;
    private final int length;

    private UtmParameters(String[] keys, String[] pairs) {
        this.keys = keys;
        this.pairs = pairs;
        int total = 0;
        for (String pair : pairs) {
            total += pair.length() + 1;
        }
        this.length = total;
    }

    /** @throws InvalidRouteTreeException when a key is blank or given twice (bare and prefixed) */
    public static UtmParameters of(Map<String, String> utm) {
        return of(utm, UnaryOperator.identity());
    }

    /** @param strings gives the shared instance of each encoded key and pair */
    static UtmParameters of(Map<String, String> utm, UnaryOperator<String> strings) {
        if (utm == null || utm.isEmpty()) {
            return NONE;
        }
        List<String[]> entries = new ArrayList<>(utm.size());
        for (Map.Entry<String, String> entry : utm.entrySet()) {
            String name = entry.getKey();
            if (name == null || name.isBlank()) {
                throw new InvalidRouteTreeException("utm", "keys must not be blank");
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (!key.startsWith("utm_")) {
                key = "utm_" + key;
            }
            for (String[] existing : entries) {
                if (existing[0].equals(key)) {
                    throw new InvalidRouteTreeException("utm." + name, "sets " + key + " twice");
                }
            }
            String value = entry.getValue();
            if (value != null && !value.isBlank()) {
                entries.add(new String[] {key, value});
            }
        }
        if (entries.size() > MAX) {
            throw new InvalidRouteTreeException("utm", "at most " + MAX + " parameters");
        }
        entries.sort(UtmParameters::compare);
        String[] keys = new String[entries.size()];
        String[] pairs = new String[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = strings.apply(PercentEncoding.encode(entries.get(i)[0]));
            pairs[i] = strings.apply(keys[i] + '=' + PercentEncoding.encode(entries.get(i)[1]));
        }
        return new UtmParameters(keys, pairs);
    }

    private static int compare(String[] a, String[] b) {
        int rankA = rank(a[0]);
        int rankB = rank(b[0]);
        return rankA != rankB ? Integer.compare(rankA, rankB) : a[0].compareTo(b[0]);
    }

    private static int rank(String key) {
        int index = WELL_KNOWN.indexOf(key);
        return index < 0 ? WELL_KNOWN.size() : index;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public int size() {
        return pairs.length;
    }

    /** The encoded {@code key=value} of the i-th parameter. */
    public String pair(int i) {
        return pairs[i];
    }

    /** Characters all pairs take, separators included. */
    int length() {
        return length;
    }

    /** Index of the parameter whose key equals {@code text[from, to)} ignoring case, or -1. */
    int indexOf(String text, int from, int to) {
        int n = to - from;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].length() == n && text.regionMatches(true, from, keys[i], 0, n)) {
                return i;
            }
        }
        return -1;
    }

    /** The keys follow from the pairs. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UtmParameters other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pairs);
    }
}
