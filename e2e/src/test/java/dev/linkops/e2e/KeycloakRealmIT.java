package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.Suite;
import dev.linkops.infra.suite.SuiteConfig;
import dev.linkops.infra.suite.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm in deploy/keycloak gives people and services the tokens the services expect (DESIGN §5). */
@ExtendWith(RunningSuite.class)
class KeycloakRealmIT {

    @ParameterizedTest(name = "{0} gets a token with realm role {1}")
    @CsvSource({"alice, marketing", "mia, merchandising", "oscar, operations", "ana, analytics", "root, admin"})
    void eachDemoUserGetsATokenWithHisRealmRoleAndName(String user, String role, Suite suite) {
        JsonNode claims = Tokens.claims(suite.tokens().of(user));
        assertEquals(List.of(role), roles(claims), "realm_access.roles of " + user);
        assertEquals(user, claims.path("preferred_username").asText());
        assertEquals(user + "@linkops.local", claims.path("email").asText());
        assertEquals(suite.config().realmUrl(), claims.path("iss").asText(),
                "the issuer must be the URL the services are configured with");
    }

    @Test
    void aWrongPasswordGetsNoToken(Suite suite) {
        Http.Response r = suite.http().postForm(suite.config().realmUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", SuiteConfig.CONSOLE_CLIENT_ID,
                "username", "alice", "password", "not-her-password"));
        assertTrue(r.status() == 400 || r.status() == 401, r.toString());
        assertEquals("invalid_grant", r.json().path("error").asText(), r.toString());
        assertTrue(r.json().path("access_token").isMissingNode());
    }

    @Test
    void theApiClientDoesNotAcceptPasswordsOfPeople(Suite suite) {
        Http.Response r = suite.http().postForm(suite.config().realmUrl() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", SuiteConfig.API_CLIENT_ID,
                "client_secret", SuiteConfig.API_CLIENT_SECRET, "username", "alice", "password", "linkops"));
        assertTrue(r.status() == 400 || r.status() == 401, r.toString());
    }

    @Test
    void theServiceAccountHasTheServiceRoleAndMayLookUpPeopleAndTeams(Suite suite) {
        String token = suite.tokens().service();
        assertTrue(roles(Tokens.claims(token)).contains("service"));

        Http.Response users = suite.http().get(suite.config().keycloakUrl()
                + "/admin/realms/linkops/users?username=alice&exact=true", token);
        assertEquals(200, users.status(), users.toString());
        assertEquals("alice@linkops.local", users.json().path(0).path("email").asText());

        Http.Response groups = suite.http().get(suite.config().keycloakUrl()
                + "/admin/realms/linkops/groups?search=operations", token);
        assertEquals(200, groups.status(), groups.toString());
        String groupId = groups.json().path(0).path("id").asText();
        Http.Response members = suite.http().get(suite.config().keycloakUrl()
                + "/admin/realms/linkops/groups/" + groupId + "/members", token);
        assertEquals(200, members.status(), members.toString());
        assertEquals("oscar", members.json().path(0).path("username").asText());
    }

    @Test
    void aPersonsTokenMayNotUseTheAdminApi(Suite suite) {
        Http.Response r = suite.http().get(suite.config().keycloakUrl() + "/admin/realms/linkops/users",
                suite.tokens().of("alice"));
        assertEquals(403, r.status(), r.toString());
    }

    static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(n -> {
            if (!n.asText().startsWith("default-roles") && !n.asText().equals("offline_access")
                    && !n.asText().equals("uma_authorization")) {
                roles.add(n.asText());
            }
        });
        return roles;
    }
}
