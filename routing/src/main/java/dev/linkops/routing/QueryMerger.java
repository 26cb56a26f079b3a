package dev.linkops.routing;

import java.util.Map;

/**
 * Builds the Location of a redirect from the routed destination and the incoming query (DESIGN §4).
 *
 * <p>Order of the result: the destination's parameters where they stand (a {@code utm_*} one the link
 * sets and a key the request repeats are replaced in place, any other {@code utm_*} one is dropped),
 * then the link's UTM parameters the destination did not have, then incoming parameters the destination
 * did not have, then the click id, then the destination's fragment.
 *
 * <p>Parameters are compared by their raw key, byte for byte and case-sensitively, except that
 * {@code utm_} is recognised in any case. Incoming text is never decoded: {@code +}, {@code %20},
 * {@code %2B}, raw UTF-8, {@code a} (no {@code =}) and {@code a=} come out exactly as they came in.
 * An incoming key the destination has replaces every destination occurrence with all incoming ones,
 * in their order, where the destination's first occurrence stood. Empty segments ({@code a=1&&b=2})
 * carry nothing and are dropped, as is a {@code ?} with nothing behind it.
 *
 * <p>The only characters ever rewritten are spaces and control characters, which no client can send
 * legally: they are percent-encoded so a malformed request can never split the Location header.
 */
public final class QueryMerger {

    private QueryMerger() {
    }

    /** Convenience for callers without a precompiled link; encodes {@code utm} on every call. */
    public static String merge(String destination, Map<String, String> utm, String rawIncomingQuery,
                               String clickIdParam, String clickId) {
        return merge(destination, UtmParameters.of(utm), rawIncomingQuery, clickIdParam, clickId);
    }

    /**
     * @param destination      the routed URL, possibly with its own query and fragment
     * @param utm              the link's UTM parameters (null = none)
     * @param rawIncomingQuery the request's query exactly as received, without or with a leading '?'
     * @param clickIdParam     the click id parameter name, or null when the link turned it off
     * @param clickId          the click id; null also turns the parameter off
     */
    public static String merge(String destination, UtmParameters utm, String rawIncomingQuery,
                               String clickIdParam, String clickId) {
        if (utm == null) {
            utm = UtmParameters.NONE;
        }
        int length = destination.length();
        int hash = destination.indexOf('#');
        int queryEnd = hash < 0 ? length : hash;
        int question = destination.indexOf('?');
        if (question > queryEnd) {
            question = -1; // a '?' inside the fragment belongs to the fragment
        }
        int queryStart = question < 0 ? queryEnd : question + 1;

        String in = rawIncomingQuery == null ? "" : rawIncomingQuery;
        int inStart = !in.isEmpty() && in.charAt(0) == '?' ? 1 : 0;
        int inEnd = in.indexOf('#');
        if (inEnd < 0) {
            inEnd = in.length();
        }
        boolean withClickId = clickIdParam != null && !clickIdParam.isEmpty() && clickId != null;

        StringBuilder sb = new StringBuilder(length + (inEnd - inStart) + utm.length()
                + (withClickId ? clickIdParam.length() + clickId.length() + 2 : 0) + 1);
        appendRaw(sb, destination, 0, question < 0 ? queryEnd : question);
        int base = sb.length();

        long utmWritten = 0;
        for (int s = queryStart; s < queryEnd; ) {
            int e = segmentEnd(destination, s, queryEnd);
            if (e > s) {
                int k = keyEnd(destination, s, e);
                if (isUtm(destination, s, k)) {
                    int utmIndex = utm.indexOf(destination, s, k);
                    if (utmIndex >= 0 && (utmWritten & (1L << utmIndex)) == 0) {
                        separate(sb, base).append(utm.pair(utmIndex));
                        utmWritten |= 1L << utmIndex;
                    }
                } else if (withClickId && isKey(destination, s, k, clickIdParam)) {
                    // the link's own click id is appended at the end
                } else if (hasKey(in, inStart, inEnd, destination, s, k)) {
                    if (!hasKey(destination, queryStart, s, destination, s, k)) {
                        appendAll(sb, base, in, inStart, inEnd, destination, s, k);
                    }
                } else {
                    appendRaw(separate(sb, base), destination, s, e);
                }
            }
            s = e + 1;
        }
        for (int i = 0; i < utm.size(); i++) {
            if ((utmWritten & (1L << i)) == 0) {
                separate(sb, base).append(utm.pair(i));
            }
        }
        for (int s = inStart; s < inEnd; ) {
            int e = segmentEnd(in, s, inEnd);
            if (e > s) {
                int k = keyEnd(in, s, e);
                if (!isUtm(in, s, k)
                        && !(withClickId && isKey(in, s, k, clickIdParam))
                        && !hasKey(destination, queryStart, queryEnd, in, s, k)) {
                    appendRaw(separate(sb, base), in, s, e);
                }
            }
            s = e + 1;
        }
        if (withClickId) {
            PercentEncoding.appendEncoded(separate(sb, base), clickIdParam);
            PercentEncoding.appendEncoded(sb.append('='), clickId);
        }
        if (hash >= 0) {
            appendRaw(sb, destination, hash, length);
        }
        return sb.toString();
    }

    private static StringBuilder separate(StringBuilder sb, int base) {
        return sb.append(sb.length() == base ? '?' : '&');
    }

    // bounded scans: String.indexOf would run past the segment and make a long query quadratic
    private static int segmentEnd(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) != '&') {
            i++;
        }
        return i;
    }

    private static int keyEnd(String s, int from, int end) {
        int i = from;
        while (i < end && s.charAt(i) != '=') {
            i++;
        }
        return i;
    }

    private static boolean isUtm(String s, int keyFrom, int keyTo) {
        return keyTo - keyFrom >= 4 && s.regionMatches(true, keyFrom, "utm_", 0, 4);
    }

    private static boolean isKey(String s, int keyFrom, int keyTo, String key) {
        return keyTo - keyFrom == key.length() && s.startsWith(key, keyFrom);
    }

    /** Whether the query {@code q[from, to)} has a parameter keyed {@code key[keyFrom, keyTo)}. */
    private static boolean hasKey(String q, int from, int to, String key, int keyFrom, int keyTo) {
        int n = keyTo - keyFrom;
        for (int s = from; s < to; ) {
            int e = segmentEnd(q, s, to);
            if (e > s && keyEnd(q, s, e) - s == n && q.regionMatches(s, key, keyFrom, n)) {
                return true;
            }
            s = e + 1;
        }
        return false;
    }

    /** Appends every parameter of {@code q[from, to)} keyed {@code key[keyFrom, keyTo)}, in order. */
    private static void appendAll(StringBuilder sb, int base, String q, int from, int to,
                                  String key, int keyFrom, int keyTo) {
        int n = keyTo - keyFrom;
        for (int s = from; s < to; ) {
            int e = segmentEnd(q, s, to);
            if (e > s && keyEnd(q, s, e) - s == n && q.regionMatches(s, key, keyFrom, n)) {
                appendRaw(separate(sb, base), q, s, e);
            }
            s = e + 1;
        }
    }

    private static void appendRaw(StringBuilder sb, String s, int from, int to) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                sb.append(s, run, i);
                PercentEncoding.appendByte(sb, c);
                run = i + 1;
            }
        }
        sb.append(s, run, to);
    }
}
