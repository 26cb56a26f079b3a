package dev.linkops.registry.domain.preflight;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Just enough query-string reading for the preflight probe; pairs are compared decoded. */
final class QueryText {
    private QueryText() {
    }

    /** Whether {@code url}'s query holds the {@code key=value} pair (both sides decoded). */
    static boolean hasPair(String url, String pair) {
        int q = url.indexOf('?');
        if (q < 0) {
            return false;
        }
        int hash = url.indexOf('#', q);
        String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
        String wanted = decode(pair);
        for (String part : query.split("&")) {
            if (decode(part).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
