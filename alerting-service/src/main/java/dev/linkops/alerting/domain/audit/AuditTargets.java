package dev.linkops.alerting.domain.audit;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.RouteRule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every branch destination of a link, expanded as a click would see it, with test UTM parameters added. */
public final class AuditTargets {

    public record Target(String branch, DestinationType type, String url, Map<String, String> testParams) {
    }

    private AuditTargets() {
    }

    public static List<Target> of(LinkPublished link, String nonce) {
        String sku = link.skus() == null || link.skus().isEmpty() ? "" : link.skus().get(0);
        String market = link.markets() == null || link.markets().isEmpty() ? "" : link.markets().get(0);
        String language = link.language() == null ? "" : link.language();
        Map<String, String> params = testParams(link, nonce);
        List<Target> out = new ArrayList<>();
        if (link.rules() != null) {
            int i = 0;
            for (RouteRule rule : link.rules()) {
                i++;
                if (rule.then() != null && rule.then().destination() != null) {
                    String label = rule.label() == null || rule.label().isBlank() ? "rule-" + i : rule.label();
                    out.add(target(label, rule.then().destinationType(), rule.then().destination(), sku, market,
                            language, params));
                }
            }
        }
        if (link.destination() != null && link.destination().destination() != null) {
            out.add(target("default", link.destination().destinationType(), link.destination().destination(), sku,
                    market, language, params));
        }
        if (link.fallbacks() != null && link.fallbacks().fallbackUrl() != null) {
            out.add(target("fallback", DestinationType.CUSTOM, link.fallbacks().fallbackUrl(), sku, market, language,
                    params));
        }
        return out;
    }

    /** The link's own UTM parameters (the redirect sets them) plus a unique utm_id to follow through the chain. */
    static Map<String, String> testParams(LinkPublished link, String nonce) {
        Map<String, String> params = new LinkedHashMap<>();
        if (link.utm() != null) {
            link.utm().forEach((k, v) -> {
                if (k != null && v != null) {
                    params.put(k.startsWith("utm_") ? k : "utm_" + k, v);
                }
            });
        }
        params.put("utm_id", "linkops-audit-" + nonce);
        return params;
    }

    private static Target target(String branch, DestinationType type, String template, String sku, String market,
                                 String language, Map<String, String> params) {
        String url = template.replace("{sku}", enc(sku)).replace("{market}", enc(market))
                .replace("{language}", enc(language));
        return new Target(branch, type, withParams(url, params), params);
    }

    /** Sets each parameter, replacing a key the URL already has; keeps the fragment last. */
    static String withParams(String url, Map<String, String> params) {
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        List<String> pairs = new ArrayList<>();
        if (q >= 0 && q < url.length() - 1) {
            for (String pair : url.substring(q + 1).split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !params.containsKey(key)) {
                    pairs.add(pair);
                }
            }
        }
        params.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
        return base + "?" + String.join("&", pairs) + fragment;
    }

    /** @return the test parameters missing (or changed) in the final URL */
    public static List<String> missing(String finalUrl, Map<String, String> params) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int q = finalUrl == null ? -1 : finalUrl.indexOf('?');
        if (q >= 0) {
            String raw = finalUrl.substring(q + 1);
            int hash = raw.indexOf('#');
            if (hash >= 0) {
                raw = raw.substring(0, hash);
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = dec(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : dec(pair.substring(eq + 1));
                query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        List<String> missing = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!query.getOrDefault(k, List.of()).contains(v)) {
                missing.add(k);
            }
        });
        return missing;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
