package dev.linkops.registry.domain;

import java.util.List;
import java.util.Set;

/**
 * Who is acting: a Keycloak username and realm roles in the token's order (the first business role is
 * the default team of what they create).
 */
public record Actor(String name, List<String> roles) {

    public static final Actor SYSTEM = new Actor("system", List.of());

    public static final Set<String> APPROVER_ROLES = Set.of("merchandising", "operations", "admin");

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    public String defaultTeam() {
        return roles.isEmpty() ? name : roles.get(0);
    }
}
