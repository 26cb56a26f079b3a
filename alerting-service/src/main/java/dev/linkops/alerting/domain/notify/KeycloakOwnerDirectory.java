package dev.linkops.alerting.domain.notify;

import dev.linkops.alerting.config.AlertingConfig;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads people and teams from the Keycloak Admin REST API with the linkops-api service account
 * (client-credentials grant). Answers are cached briefly, so an alert reaches the address Keycloak
 * knows today without asking Keycloak for every message. Failures are not cached.
 */
@ApplicationScoped
@ActivateRequestContext // the admin client bean is request scoped; callers off a request get a context here
public class KeycloakOwnerDirectory implements OwnerDirectory {
    static final String USERS = "owner-directory-users";
    static final String TEAMS = "owner-directory-teams";
    static final String CONTACTS = "owner-directory-contacts";

    @Inject
    Keycloak keycloak;

    @Inject
    AlertingConfig config;

    @Override
    @CacheResult(cacheName = USERS)
    public Optional<String> emailOf(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        if (username.contains("@")) {
            return Optional.of(username);
        }
        try {
            return realm().users().searchByUsername(username, true).stream()
                    .filter(u -> username.equalsIgnoreCase(u.getUsername()))
                    .map(UserRepresentation::getEmail)
                    .filter(Objects::nonNull)
                    .findFirst();
        } catch (RuntimeException e) {
            throw new DirectoryUnavailable("Keycloak could not tell the e-mail of " + username, e);
        }
    }

    @Override
    @CacheResult(cacheName = TEAMS)
    public List<String> teamEmails(String team) {
        try {
            return group(team)
                    .map(g -> realm().groups().group(g.getId()).members(0, 200, true).stream()
                            .filter(u -> u.isEnabled() == null || u.isEnabled())
                            .map(UserRepresentation::getEmail)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList())
                    .orElse(List.of());
        } catch (RuntimeException e) {
            throw new DirectoryUnavailable("Keycloak could not list team " + team, e);
        }
    }

    @Override
    @CacheResult(cacheName = CONTACTS)
    public Optional<String> escalationEmailOf(String team) {
        Optional<String> contact;
        try {
            contact = group(team)
                    .map(GroupRepresentation::getAttributes)
                    .map(a -> a.get(config.directory().escalationAttribute()))
                    .filter(values -> !values.isEmpty())
                    .map(values -> values.get(0));
        } catch (RuntimeException e) {
            throw new DirectoryUnavailable("Keycloak could not read team " + team, e);
        }
        return contact.flatMap(this::emailOf);
    }

    private Optional<GroupRepresentation> group(String team) {
        if (team == null || team.isBlank()) {
            return Optional.empty();
        }
        return realm().groups().groups(team, true, 0, 10, false).stream()
                .filter(g -> team.equals(g.getName()))
                .findFirst();
    }

    private RealmResource realm() {
        return keycloak.realm(config.directory().realm());
    }
}
