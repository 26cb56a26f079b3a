package dev.linkops.reporting.api;

import dev.linkops.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint, every realm role and no token: allowed roles get through, others 403, no token 401. */
@QuarkusTest
class RoleMatrixTest {
    private static final List<String> ROLES = List.of("marketing", "merchandising", "operations", "analytics",
            "admin", "service");
    private static final Set<String> READERS = Set.of("analytics", "marketing", "admin");
    private static final String LINK = UUID.randomUUID().toString();

    record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/events", "application/json",
                    "[{\"clickId\":\"" + UUID.randomUUID() + "\",\"type\":\"bounce\",\"at\":\"2026-11-01T00:00:00Z\"}]",
                    Set.of("service", "admin")),
            new Endpoint("GET", "/api/events/pending", null, null, Set.of("analytics", "service", "admin")),
            new Endpoint("POST", "/api/impressions", "application/json",
                    "[{\"campaign\":\"roles\",\"channel\":\"email\",\"day\":\"2026-11-01\",\"impressions\":1,\"spend\":0}]",
                    Set.of("analytics", "admin")),
            new Endpoint("POST", "/api/impressions", "text/csv",
                    "campaign,channel,day,impressions,spend\nroles,email,2026-11-02,1,0\n", Set.of("analytics", "admin")),
            new Endpoint("GET", "/api/reports/campaigns/roles", null, null, READERS),
            new Endpoint("GET", "/api/reports/campaigns/roles/stock-comparison", null, null, READERS),
            new Endpoint("GET", "/api/reports/campaigns/roles/timeline", null, null, READERS),
            new Endpoint("GET", "/api/reports/links/" + LINK, null, null, READERS),
            new Endpoint("GET", "/api/reports/links/" + LINK + "/timeline", null, null, READERS),
            new Endpoint("GET", "/api/reports/ops", null, null, Set.of("analytics", "marketing", "operations", "admin")));

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            cases.add(Arguments.of(e, null));
            for (String role : ROLES) {
                cases.add(Arguments.of(e, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachEndpointLetsInExactlyItsRoles(Endpoint e, String role) {
        RequestSpecification request = given();
        if (role != null) {
            request = request.auth().oauth2(Tokens.of(role));
        }
        if (e.contentType() != null) {
            request = request.contentType(e.contentType()).body(e.body());
        }
        int status = request.request(e.method(), e.path()).then().extract().statusCode();
        if (role == null) {
            assertEquals(401, status);
        } else if (e.allowed().contains(role)) {
            assertEquals(200, status, role + " should be let in");
        } else {
            assertEquals(403, status, role + " should be refused");
        }
        assertTrue(status < 500);
    }
}
