package dev.linkops.availability.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.linkops.availability.TestApi.feedOne;
import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every endpoint, every role and no token: 401 without a token, 403 for a role not allowed, success otherwise. */
@QuarkusTest
class RoleAccessTest {
    private static final List<String> ROLES = List.of("marketing", "merchandising", "operations", "analytics", "admin",
            "service");
    private static final Set<String> EVERYONE = Set.copyOf(ROLES);
    private static final Set<String> FEEDERS = Set.of("operations", "service", "admin");
    private static final Set<String> THRESHOLD_SETTERS = Set.of("operations", "merchandising", "admin");
    private static final Set<String> SOURCE_ADMINS = Set.of("operations", "admin");
    private static final AtomicBoolean READY = new AtomicBoolean();

    record Endpoint(String name, Set<String> allowed, int success, java.util.function.Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        String now = Instant.now().minusSeconds(60).toString();
        return List.of(
                new Endpoint("POST /api/feeds/{source} JSON", FEEDERS, 200, r -> r.contentType("application/json")
                        .body(Map.of("batchId", UUID.randomUUID().toString(), "items",
                                List.of(Map.of("sku", "RA-FED", "market", "RA", "onHand", 5, "observedAt", now))))
                        .post("/api/feeds/erp-ra")),
                new Endpoint("POST /api/feeds/{source} CSV", FEEDERS, 200, r -> r.contentType("text/csv")
                        .queryParam("batchId", UUID.randomUUID().toString())
                        .body("sku,market,onHand,observedAt\nRA-CSV,RA,5," + now + "\n")
                        .post("/api/feeds/erp-ra")),
                new Endpoint("GET /api/sources", EVERYONE, 200, r -> r.get("/api/sources")),
                new Endpoint("GET /api/sources/{name}", EVERYONE, 200, r -> r.get("/api/sources/erp-ra")),
                new Endpoint("PUT /api/sources/{name}", SOURCE_ADMINS, 200, r -> r.contentType("application/json")
                        .body(Map.of("authoritativeMarkets", List.of("RA"), "expectedInterval", "PT15M"))
                        .put("/api/sources/erp-ra")),
                new Endpoint("PUT /api/skus/{sku}/thresholds", THRESHOLD_SETTERS, 200, r -> r.contentType("application/json")
                        .body(Map.of("market", "RA", "lowAtMost", 3)).put("/api/skus/RA-1/thresholds")),
                new Endpoint("GET /api/skus/{sku}/thresholds", EVERYONE, 200, r -> r.get("/api/skus/RA-1/thresholds")),
                new Endpoint("GET /api/skus/threshold-defaults", EVERYONE, 200, r -> r.get("/api/skus/threshold-defaults")),
                new Endpoint("PUT /api/skus/threshold-defaults", THRESHOLD_SETTERS, 200, r -> r.contentType("application/json")
                        .body(Map.of("skuPrefix", "RA-ROLE-", "lowAtMost", 3)).put("/api/skus/threshold-defaults")),
                new Endpoint("GET /api/availability", EVERYONE, 200, r -> r.queryParam("state", "IN_STOCK").get("/api/availability")),
                new Endpoint("GET /api/availability/{sku}", EVERYONE, 200, r -> r.queryParam("market", "RA").get("/api/availability/RA-1")),
                new Endpoint("GET /api/availability/{sku}/history", EVERYONE, 200, r -> r.get("/api/availability/RA-1/history")),
                new Endpoint("GET /api/availability/{sku}/sources", EVERYONE, 200, r -> r.get("/api/availability/RA-1/sources")),
                new Endpoint("GET /api/availability/discrepancies", EVERYONE, 200, r -> r.get("/api/availability/discrepancies")),
                new Endpoint("GET /internal/availability/snapshot", Set.of("service"), 200,
                        r -> r.get("/internal/availability/snapshot")));
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

    private static void setUpOnce() {
        if (READY.compareAndSet(false, true)) {
            registerSource("erp-ra", "PT15M", "RA");
            feedOne("erp-ra", "RA-1", "RA", 50, Instant.now().minusSeconds(120));
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void everyEndpointAnswersEachRoleAsDesign5Says(Endpoint endpoint, String role) {
        setUpOnce();
        RequestSpecification request = role == null ? given() : given().auth().oauth2(token(role));
        int status = endpoint.call().apply(request).statusCode();
        int expected = role == null ? 401 : endpoint.allowed().contains(role) ? endpoint.success() : 403;
        assertEquals(expected, status, endpoint + " as " + (role == null ? "no token" : role));
    }
}
