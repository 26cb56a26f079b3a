package dev.linkops.registry.api;

import dev.linkops.registry.domain.Actor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.List;

/**
 * The person behind a request: the token's preferred_username (else its principal name) and business
 * roles in the token's order — Keycloak's realm_access.roles, else the groups claim.
 */
@RequestScoped
public class Callers {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public Actor current() {
        Object username = jwt.getClaim("preferred_username");
        String name = username != null && !username.toString().isBlank()
                ? stripQuotes(username.toString()) : identity.getPrincipal().getName();
        List<String> ordered = new ArrayList<>();
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof JsonObject access && access.get("roles") instanceof JsonArray roles) {
            addBusinessRoles(roles, ordered);
        }
        if (jwt.getClaim("groups") instanceof JsonArray groups) {
            addBusinessRoles(groups, ordered);
        }
        for (String role : Roles.BUSINESS) { // tokens that carried roles another way
            if (identity.hasRole(role) && !ordered.contains(role)) {
                ordered.add(role);
            }
        }
        return new Actor(name, List.copyOf(ordered));
    }

    private static void addBusinessRoles(JsonArray values, List<String> into) {
        for (JsonValue value : values) {
            if (value instanceof JsonString s && Roles.BUSINESS.contains(s.getString()) && !into.contains(s.getString())) {
                into.add(s.getString());
            }
        }
    }

    private static String stripQuotes(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
