package dev.linkops.alerting.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.linkops.alerting.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint with every role and without a token: no token → 401, a role that may not → 403,
 * a role that may → anything but 401/403 (ids are random, so 404 is a pass: the call got past security).
 */
@QuarkusTest
class RolesTest {
    private static final List<String> ROLES = List.of("marketing", "merchandising", "operations", "analytics",
            "admin", "service");
    private static final Set<String> PEOPLE = Set.of("marketing", "merchandising", "operations", "analytics", "admin");
    private static final Set<String> OPERATORS = Set.of("operations", "admin");

    record Endpoint(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        String id = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("GET", "/api/alerts", null, PEOPLE),
                new Endpoint("GET", "/api/alerts/" + id, null, PEOPLE),
                new Endpoint("POST", "/api/alerts/" + id + "/ack", null, PEOPLE),
                new Endpoint("POST", "/api/alerts/" + id + "/resolve", "{}", PEOPLE),
                new Endpoint("GET", "/api/alert-policies", null, OPERATORS),
                new Endpoint("PUT", "/api/alert-policies/INACTIVE_LINK_CLICKED/LOW",
                        "{\"respondWithin\": \"PT96H\"}", OPERATORS),
                new Endpoint("DELETE", "/api/alert-policies/PREFLIGHT_FAILED/LOW", null, OPERATORS),
                new Endpoint("GET", "/api/subscriptions", null, PEOPLE),
                new Endpoint("POST", "/api/subscriptions", "{\"channel\": \"EMAIL\", \"minSeverity\": \"CRITICAL\"}",
                        PEOPLE),
                new Endpoint("GET", "/api/subscriptions/" + id, null, PEOPLE),
                new Endpoint("DELETE", "/api/subscriptions/" + id, null, PEOPLE),
                new Endpoint("POST", "/api/subscriptions/" + id + "/enable", null, PEOPLE),
                new Endpoint("GET", "/api/audits", null, OPERATORS),
                new Endpoint("GET", "/api/audits/" + id, null, OPERATORS),
                new Endpoint("POST", "/api/audits", "{\"linkId\": \"" + id + "\"}", OPERATORS));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            out.add(Arguments.of(e, null));
            for (String role : ROLES) {
                out.add(Arguments.of(e, role));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void everyEndpointChecksTheCallersRole(Endpoint endpoint, String role) {
        RequestSpecification request = given();
        if (role != null) {
            request = request.auth().oauth2(token("user-" + role, role));
        }
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        int status = request.request(endpoint.method(), endpoint.path()).then().extract().statusCode();
        if (role == null) {
            assertEquals(401, status);
        } else if (endpoint.allowed().contains(role)) {
            assertTrue(status != 401 && status != 403 && status < 500, endpoint + " as " + role + " gave " + status);
        } else {
            assertEquals(403, status, endpoint + " as " + role);
        }
    }
}
