package dev.linkops.routing;

import java.util.Arrays;
import java.util.Locale;

/**
 * Lower-case ASCII tokens searched case-insensitively in one pass over the text: at each position only
 * the tokens starting with that letter are tried, so a long token list costs little more than a short one.
 */
final class TokenSet {

    private final String[][] byFirstChar = new String[128][];

    TokenSet(String... tokens) {
        for (String token : tokens) {
            char first = token.charAt(0);
            if (first >= 128 || !token.equals(token.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("token must be lower case and start with ASCII: " + token);
            }
            String[] bucket = byFirstChar[first];
            String[] grown = bucket == null ? new String[1] : Arrays.copyOf(bucket, bucket.length + 1);
            grown[grown.length - 1] = token;
            byFirstChar[first] = grown;
        }
    }

    boolean foundIn(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            String[] candidates = byFirstChar[c];
            if (candidates != null) {
                for (String token : candidates) {
                    if (text.regionMatches(true, i, token, 0, token.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
