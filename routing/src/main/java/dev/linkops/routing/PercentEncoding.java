package dev.linkops.routing;

/** RFC 3986 percent-encoding of one component: everything but unreserved characters, as UTF-8. */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** Returns {@code value} itself when nothing needs encoding, so the common case allocates nothing. */
    static String encode(String value) {
        int n = value.length();
        int i = 0;
        while (i < n && isUnreserved(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return value;
        }
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(value, 0, i);
        appendEncoded(sb, value, i, n);
        return sb.toString();
    }

    static void appendEncoded(StringBuilder sb, String value) {
        appendEncoded(sb, value, 0, value.length());
    }

    private static void appendEncoded(StringBuilder sb, String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                sb.append(c);
            } else if (c < 0x80) {
                appendByte(sb, c);
            } else if (c < 0x800) {
                appendByte(sb, 0xC0 | (c >> 6));
                appendByte(sb, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                appendByte(sb, 0xF0 | (cp >> 18));
                appendByte(sb, 0x80 | ((cp >> 12) & 0x3F));
                appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(sb, 0x80 | (cp & 0x3F));
            } else {
                // a lone surrogate has no UTF-8 form; encode U+FFFD as String.getBytes(UTF_8) would
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                appendByte(sb, 0xE0 | (cp >> 12));
                appendByte(sb, 0x80 | ((cp >> 6) & 0x3F));
                appendByte(sb, 0x80 | (cp & 0x3F));
            }
        }
    }

    static void appendByte(StringBuilder sb, int b) {
        sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
