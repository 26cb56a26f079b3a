package dev.linkops.registry.domain.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which destination URLs a link may send people to: absolute http(s) on an allow-listed host, no
 * credentials, only the placeholders routing knows. Prod requires https; the local demo store is http.
 */
public final class UrlPolicy {
    public static final int MAX_LENGTH = 2048;
    public static final Set<String> PLACEHOLDERS = Set.of("sku", "market", "language");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final List<String> allowedHosts;
    private final boolean requireHttps;

    public UrlPolicy(List<String> allowedHosts, boolean requireHttps) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.requireHttps = requireHttps;
    }

    /** Adds at most one reason for {@code url} at {@code field}; a null url is the caller's business. */
    public void check(String url, String field, boolean hasSkus, Violations violations) {
        String reason = reason(url, hasSkus);
        if (reason != null) {
            violations.add(field, reason);
        }
    }

    String reason(String url, boolean hasSkus) {
        if (url.isBlank()) {
            return "must not be blank";
        }
        if (url.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7F) {
                return "must not contain spaces or control characters (position " + i + "); percent-encode them";
            }
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("data:") || lower.startsWith("vbscript:")) {
            return "must be an http(s) page, not a " + lower.substring(0, lower.indexOf(':')) + ": URL";
        }
        Matcher m = PLACEHOLDER.matcher(url);
        StringBuilder concrete = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                return "uses unknown placeholder {" + name + "}; known placeholders are {sku}, {market}, {language}";
            }
            if (name.equals("sku") && !hasSkus) {
                return "uses {sku} but the link has no SKUs";
            }
            m.appendReplacement(concrete, "x");
        }
        m.appendTail(concrete);
        if (concrete.indexOf("{") >= 0 || concrete.indexOf("}") >= 0) {
            return "has an unbalanced { or }; placeholders look like {sku}";
        }
        URI uri;
        try {
            uri = new URI(concrete.toString());
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return "must be an absolute URL starting with https://";
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must use https, not " + scheme + ":";
        }
        if (requireHttps && scheme.equals("http")) {
            return "must use https";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials (user:password@host)";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return "must name a host";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!hostAllowed(host)) {
            return "host " + host + " is not allowed; allowed hosts: " + String.join(", ", allowedHosts);
        }
        return null;
    }

    private boolean hostAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }
}
