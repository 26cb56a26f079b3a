package dev.linkops.alerting.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Keycloak's Admin REST API at its network boundary (WireMock), so the real admin client runs:
 * client-credentials token, user search by username, group search with attributes, group members.
 * People: alice and bob (team marketing), dana (marketing's escalation contact), erin (team webhook-team).
 */
public class KeycloakAdminTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String REALM = "linkops";
    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            stubs(server);
        }
        return Map.of(
                "quarkus.keycloak.admin-client.server-url", server.baseUrl(),
                "quarkus.keycloak.admin-client.realm", REALM,
                "quarkus.keycloak.admin-client.client-id", "linkops-api",
                "quarkus.keycloak.admin-client.client-secret", "test-secret",
                "quarkus.keycloak.admin-client.grant-type", "CLIENT_CREDENTIALS");
    }

    public static WireMockServer server() {
        return server;
    }

    private static void stubs(WireMockServer s) {
        s.stubFor(post(urlPathEqualTo("/realms/" + REALM + "/protocol/openid-connect/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .willReturn(okJson("{\"access_token\":\"admin-token\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}")));
        user(s, "alice", "alice@shop.example");
        user(s, "bob", "bob@shop.example");
        user(s, "dana", "dana@shop.example");
        user(s, "erin", "erin@shop.example");
        s.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/users")).atPriority(10)
                .willReturn(okJson("[]")));
        group(s, "marketing", "g-marketing", "dana", "[" + rep("alice", "alice@shop.example") + ","
                + rep("bob", "bob@shop.example") + "]");
        group(s, "webhook-team", "g-webhook", "erin", "[" + rep("erin", "erin@shop.example") + "]");
        s.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/groups")).atPriority(10).willReturn(okJson("[]")));
    }

    private static void user(WireMockServer s, String username, String email) {
        s.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/users"))
                .withQueryParam("username", equalTo(username)).atPriority(1)
                .willReturn(okJson("[" + rep(username, email) + "]")));
    }

    private static void group(WireMockServer s, String name, String id, String contact, String members) {
        s.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/groups"))
                .withQueryParam("search", equalTo(name)).atPriority(1)
                .willReturn(okJson("[{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"path\":\"/" + name + "\","
                        + "\"attributes\":{\"escalationContact\":[\"" + contact + "\"]},\"subGroups\":[]}]")));
        s.stubFor(get(urlPathMatching("/admin/realms/" + REALM + "/groups/" + id + "/members"))
                .willReturn(okJson(members)));
    }

    private static String rep(String username, String email) {
        return "{\"id\":\"id-" + username + "\",\"username\":\"" + username + "\",\"email\":\"" + email
                + "\",\"enabled\":true}";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
