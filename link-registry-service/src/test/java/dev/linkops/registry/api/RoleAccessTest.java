package dev.linkops.registry.api;

import dev.linkops.registry.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static dev.linkops.registry.Api.alice;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint with every role and with no token: allowed roles get 2xx, other roles 403, no token 401
 * (DESIGN §5). Each allowed call gets fresh fixtures, so a 2xx is never an accident of earlier calls.
 */
@QuarkusTest
class RoleAccessTest {
    private static final List<String> ROLES = List.of("marketing", "merchandising", "operations", "analytics", "admin", "service");
    private static final Set<String> READERS = Set.of("marketing", "merchandising", "operations", "analytics", "admin");
    private static final Set<String> AUTHORS = Set.of("marketing", "admin");
    private static final Set<String> PAUSERS = Set.of("marketing", "operations", "admin");
    private static final Set<String> APPROVERS = Set.of("merchandising", "operations", "admin");
    private static final Set<String> CONVENTION_OWNERS = Set.of("analytics", "admin");

    /** One endpoint: method, path and body, built from fresh fixtures for each call. */
    record Call(String method, String path, Object body, String contentType) {
    }

    record Endpoint(String name, Set<String> allowed, Supplier<Call> call) {
    }

    @Test
    void everyEndpointAnswers401WithoutTokenAnd403ToTheWrongRoleAnd2xxToTheRightOne() {
        String draft = Api.create(Api.simpleLink(Api.uniqueCode("roles")));
        List<Endpoint> endpoints = List.of(
                new Endpoint("create a link", AUTHORS, () -> json("POST", "/api/links", Api.simpleLink(Api.uniqueCode("r")))),
                new Endpoint("list links", READERS, () -> json("GET", "/api/links", null)),
                new Endpoint("export links", READERS, () -> json("GET", "/api/links/export", null)),
                new Endpoint("import links", AUTHORS, () -> new Call("POST", "/api/links/import", csv(), "text/csv")),
                new Endpoint("read a link", READERS, () -> json("GET", "/api/links/" + draft, null)),
                new Endpoint("replace a link", AUTHORS, () -> {
                    Map<String, Object> body = Api.simpleLink(Api.uniqueCode("put"));
                    String id = Api.create(body);
                    body.put("notes", "replaced");
                    return json("PUT", "/api/links/" + id, body);
                }),
                new Endpoint("patch a link", AUTHORS, () -> json("PATCH", "/api/links/" + fresh(), Map.of("notes", "patched"))),
                new Endpoint("run preflight", AUTHORS, () -> json("POST", "/api/links/" + draft + "/preflight", null)),
                new Endpoint("publish", AUTHORS, () -> json("POST", "/api/links/" + fresh() + "/publish", null)),
                new Endpoint("pause", PAUSERS, () -> json("POST", "/api/links/" + Api.live() + "/pause", null)),
                new Endpoint("resume", PAUSERS, () -> {
                    String id = Api.live();
                    alice().post("/api/links/" + id + "/pause").then().statusCode(200);
                    return json("POST", "/api/links/" + id + "/resume", null);
                }),
                new Endpoint("archive", AUTHORS, () -> json("POST", "/api/links/" + fresh() + "/archive", null)),
                new Endpoint("simulate", READERS, () -> json("POST", "/api/links/" + draft + "/simulate", Map.of("device", "mobile"))),
                new Endpoint("list versions", READERS, () -> json("GET", "/api/links/" + draft + "/versions", null)),
                new Endpoint("read a version", READERS, () -> json("GET", "/api/links/" + draft + "/versions/1", null)),
                new Endpoint("diff versions", READERS, () -> json("GET", "/api/links/" + draft + "/diff?from=1&to=1", null)),
                new Endpoint("read history", READERS, () -> json("GET", "/api/links/" + draft + "/history", null)),
                new Endpoint("list change requests", READERS, () -> json("GET", "/api/change-requests", null)),
                new Endpoint("read a change request", READERS, () -> json("GET", "/api/change-requests/" + changeRequest(), null)),
                new Endpoint("approve a change", APPROVERS, () -> json("POST", "/api/change-requests/" + changeRequest() + "/approve", null)),
                new Endpoint("reject a change", APPROVERS, () -> json("POST", "/api/change-requests/" + changeRequest() + "/reject", null)),
                new Endpoint("list campaigns", READERS, () -> json("GET", "/api/campaigns", null)),
                new Endpoint("list conventions", READERS, () -> json("GET", "/api/conventions", null)),
                new Endpoint("read a convention", READERS, () -> {
                    convention();
                    return json("GET", "/api/conventions/utm_term", null);
                }),
                new Endpoint("set a convention", CONVENTION_OWNERS, () -> json("PUT", "/api/conventions/utm_term", conventionBody())),
                new Endpoint("delete a convention", CONVENTION_OWNERS, () -> {
                    convention();
                    return json("DELETE", "/api/conventions/utm_term", null);
                }),
                new Endpoint("load the redirect snapshot", Set.of("service"), () -> json("GET", "/internal/links/snapshot", null)));

        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            expect(endpoint, "no token", given(), 401, failures);
            for (String role : ROLES) {
                RequestSpecification spec = given().auth().oauth2(
                        OidcWiremockTestResource.getAccessToken("user-" + role, Set.of(role)));
                if (endpoint.allowed().contains(role)) {
                    expect(endpoint, role, spec, 200, failures);
                } else {
                    expect(endpoint, role, spec, 403, failures);
                }
            }
        }
        Api.admin().delete("/api/conventions/utm_term");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void expect(Endpoint endpoint, String who, RequestSpecification spec, int expected,
                               List<String> failures) {
        Call call = endpoint.call().get();
        if (call.body() != null) {
            spec = spec.contentType(call.contentType()).body(call.body());
        } else if (!call.method().equals("GET") && !call.method().equals("DELETE")) {
            spec = spec.contentType(ContentType.JSON);
        }
        Response response = spec.request(call.method(), call.path());
        int status = response.statusCode();
        boolean ok = expected == 200 ? status >= 200 && status < 300 : status == expected;
        if (!ok) {
            failures.add(endpoint.name() + " as " + who + ": expected " + (expected == 200 ? "2xx" : expected)
                    + " got " + status + " " + response.asString());
        }
    }

    private static Call json(String method, String path, Object body) {
        return new Call(method, path, body, "application/json");
    }

    private static String fresh() {
        return Api.create(Api.simpleLink(Api.uniqueCode("fresh")));
    }

    /** A pending change proposed by alice (marketing); approvers in the table are other people. */
    private static String changeRequest() {
        String id = Api.live();
        return alice().body(Map.of("destination", "https://shop.example.com/p/changed", "reason", "role test"))
                .patch("/api/links/" + id).then().statusCode(202).extract().path("id");
    }

    private static void convention() {
        Api.admin().body(conventionBody()).put("/api/conventions/utm_term").then().statusCode(200);
    }

    private static Map<String, Object> conventionBody() {
        return Map.of("pattern", "{term}", "mode", "WARN");
    }

    private static String csv() {
        return "code,campaign,channel,purpose,destination,destinationType,fallbackUrl,utm_source,utm_medium,utm_campaign\n"
                + Api.uniqueCode("csv") + ",20261205_email_audio_loyal_retention,email,LOYALTY,"
                + "https://shop.example.com/p/a,PDP,https://shop.example.com/,newsletter,email,20261205_email_audio_loyal_retention\n";
    }
}
