package dev.linkops.reporting.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.Set;

public final class Tokens {
    private Tokens() {
    }

    /** A real signed token from the WireMock OIDC server carrying the realm role in its groups claim. */
    public static String of(String role) {
        return OidcWiremockTestResource.getAccessToken("user-" + role, Set.of(role));
    }
}
