package dev.linkops.redirect.api;

import dev.linkops.redirect.domain.Visitor;
import dev.linkops.routing.BotClassifier;
import dev.linkops.routing.DeviceClassifier;
import dev.linkops.routing.RequestContext;

import java.util.Locale;

/**
 * Reads what routing and the click need from request headers, without touching the client address.
 * Plain string scanning: this runs on the event loop for every request.
 */
public final class VisitorReader {

    private final BotClassifier bots;

    public VisitorReader(BotClassifier bots) {
        this.bots = bots;
    }

    /**
     * @param geo            the CDN country header (e.g. CF-IPCountry), or null
     * @param acceptLanguage Accept-Language, or null
     * @param cookie         the Cookie header, or null
     * @param rawQuery       the query as received, or null
     * @param visitorKey     the visitor's key of the day ({@code VisitorKeys}), or null
     */
    public Visitor read(String method, String userAgent, String geo, String acceptLanguage, String referer,
                        String cookie, String rawQuery, String purpose, String secPurpose, String xMoz,
                        String visitorKey) {
        String language = language(acceptLanguage);
        String market = country(geo);
        if (market == null) {
            market = regionOf(acceptLanguage);
        }
        String segment = queryValue(rawQuery, "seg");
        if (segment == null) {
            segment = cookieValue(cookie, "seg");
        }
        RequestContext context = new RequestContext(DeviceClassifier.fromUserAgent(userAgent), market, language, segment);
        boolean bot = bots.isBot(method, userAgent, purpose, secPurpose, xMoz);
        return new Visitor(context, bot, host(referer), visitorKey);
    }

    /** Two ASCII letters, upper-cased; CDN placeholders for "unknown" (XX) and Tor (T1) say nothing. */
    static String country(String value) {
        if (value == null || value.length() != 2) {
            return null;
        }
        char a = value.charAt(0);
        char b = value.charAt(1);
        if (!isLetter(a) || !isLetter(b)) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        return code.equals("XX") ? null : code;
    }

    /** The primary language of the first Accept-Language entry: "en-GB,fr;q=0.8" → "en". */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        int start = skipSpaces(acceptLanguage, 0);
        int i = start;
        while (i < acceptLanguage.length() && isLetter(acceptLanguage.charAt(i))) {
            i++;
        }
        int n = i - start;
        if (n < 2 || n > 3) {
            return null;
        }
        return acceptLanguage.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** The region of the first Accept-Language entry: "en-GB,fr;q=0.8" → "GB"; null without one. */
    static String regionOf(String acceptLanguage) {
        if (acceptLanguage == null) {
            return null;
        }
        int start = skipSpaces(acceptLanguage, 0);
        int i = start;
        while (i < acceptLanguage.length() && isLetter(acceptLanguage.charAt(i))) {
            i++;
        }
        if (i == start || i + 3 > acceptLanguage.length()) {
            return null;
        }
        char sep = acceptLanguage.charAt(i);
        if (sep != '-' && sep != '_') {
            return null;
        }
        int end = i + 3;
        if (end < acceptLanguage.length() && isLetter(acceptLanguage.charAt(end))) {
            return null; // a script subtag such as zh-Hant, not a region
        }
        return country(acceptLanguage.substring(i + 1, end));
    }

    /** The first value of {@code key} in a raw query, percent-decoding nothing (segments are plain labels). */
    static String queryValue(String rawQuery, String key) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        int n = rawQuery.length();
        int s = 0;
        while (s < n) {
            int e = rawQuery.indexOf('&', s);
            if (e < 0) {
                e = n;
            }
            if (e - s > key.length() && rawQuery.startsWith(key, s) && rawQuery.charAt(s + key.length()) == '=') {
                String value = rawQuery.substring(s + key.length() + 1, e);
                return value.isEmpty() ? null : value;
            }
            s = e + 1;
        }
        return null;
    }

    static String cookieValue(String cookie, String name) {
        if (cookie == null) {
            return null;
        }
        int n = cookie.length();
        int s = 0;
        while (s < n) {
            s = skipSpaces(cookie, s);
            int e = cookie.indexOf(';', s);
            if (e < 0) {
                e = n;
            }
            if (e - s > name.length() && cookie.startsWith(name, s) && cookie.charAt(s + name.length()) == '=') {
                String value = cookie.substring(s + name.length() + 1, e).trim();
                return value.isEmpty() ? null : value;
            }
            s = e + 1;
        }
        return null;
    }

    /** Only the host of the Referer is kept: its path and query may carry personal data. */
    static String host(String referer) {
        if (referer == null) {
            return null;
        }
        int scheme = referer.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < referer.length()) {
            char c = referer.charAt(end);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            end++;
        }
        int at = referer.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1; // never keep credentials
        }
        int colon = referer.indexOf(':', start);
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        return end > start ? referer.substring(start, end).toLowerCase(Locale.ROOT) : null;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
