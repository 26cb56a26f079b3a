package dev.linkops.infra.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the suite's Keycloak: a person's through the password grant of the public
 * {@code linkops-console} client (the local demo allows it), a service's through client credentials of
 * {@code linkops-api}.
 */
public final class Tokens {
    private final String realmUrl;
    private final Http http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private static final class Cached {
        final String token;
        final long validUntilMs;

        Cached(String token, long validUntilMs) {
            this.token = token;
            this.validUntilMs = validUntilMs;
        }
    }

    public Tokens(String realmUrl, Http http) {
        this.realmUrl = realmUrl;
        this.http = http;
    }

    /** alice, mia, oscar, ana or root with the demo password. */
    public String of(String username) {
        return cached("user:" + username, () -> Map.of(
                "grant_type", "password",
                "client_id", SuiteConfig.CONSOLE_CLIENT_ID,
                "username", username,
                "password", SuiteConfig.DEMO_PASSWORD,
                "scope", "openid"));
    }

    /** A client-credentials token of the linkops-api service account (realm role service). */
    public String service() {
        return cached("service", () -> Map.of(
                "grant_type", "client_credentials",
                "client_id", SuiteConfig.API_CLIENT_ID,
                "client_secret", SuiteConfig.API_CLIENT_SECRET));
    }

    /** The decoded payload of a JWT, for tests that look at claims. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON", e);
        }
    }

    private String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
        Cached c = cache.get(key);
        if (c != null && c.validUntilMs > System.currentTimeMillis()) {
            return c.token;
        }
        Http.Response r = http.postForm(realmUrl + "/protocol/openid-connect/token", form.get());
        if (r.status() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + key + ": " + r);
        }
        JsonNode json = r.json();
        String token = json.path("access_token").asText();
        long lifetimeMs = json.path("expires_in").asLong(60) * 1000L;
        cache.put(key, new Cached(token, System.currentTimeMillis() + Math.max(0, lifetimeMs - 30_000)));
        return token;
    }
}
