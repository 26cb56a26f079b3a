package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input against every public endpoint of the running suite, as an attacker or a broken client
 * would send it. Every operation a service declares in its OpenAPI document gets malformed JSON, the
 * wrong JSON type, injection strings, a huge body and hostile path parameters, with an admin token so
 * that authorisation is not what answers. Each must be a 4xx (a 400 as problem+json naming a field),
 * never a 5xx, and nothing may be half-written.
 */
@ExtendWith(RunningSuite.class)
class BadInputIT {
    static final List<ServiceModule> API_SERVICES = List.of(ServiceModule.REGISTRY, ServiceModule.AVAILABILITY,
            ServiceModule.ALERTING, ServiceModule.REPORTING);
    static final String INJECTION = "'; DROP TABLE link; -- <script>alert(1)</script> ${jndi:ldap://x} \u0000\uFFFF\uD83D\uDE00";
    static final List<String> HOSTILE_PATH_VALUES = List.of("..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1--",
            "%00", "x".repeat(3000), "%F0%9F%98%80");

    record Operation(ServiceModule service, String method, String path, boolean hasBody) {
    }

    static List<Operation> operations(Suite suite) {
        List<Operation> ops = new ArrayList<>();
        for (ServiceModule s : API_SERVICES) {
            Http.Response doc = suite.http().get(suite.config().serviceUrl(s) + "/q/openapi?format=json", null);
            assertEquals(200, doc.status(), s.module() + " publishes its OpenAPI document");
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.json().path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String method : List.of("get", "post", "put", "patch", "delete")) {
                    JsonNode op = path.getValue().path(method);
                    if (!op.isMissingNode()) {
                        ops.add(new Operation(s, method.toUpperCase(), path.getKey(), op.has("requestBody")));
                    }
                }
            }
        }
        assertTrue(ops.size() > 40, "the services declare their endpoints (found " + ops.size() + ")");
        return ops;
    }

    static String fill(String template, String value) {
        return template.replaceAll("\\{[^}]+}", value);
    }

    @Test
    void malformedWrongTypedAndHostileBodiesGetA4xxProblemOnEveryEndpoint(Suite suite) {
        String admin = suite.tokens().of("root");
        int linksBefore = linkCount(suite, admin);
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Operation op : operations(suite)) {
            if (!op.hasBody()) {
                continue;
            }
            String url = suite.config().serviceUrl(op.service()) + fill(op.path(), "00000000-0000-0000-0000-000000000000");
            for (String body : List.of("{\"code\": ", "[1, 2, 3]", "\"text\"", "{\"items\": 5, \"code\": 7}",
                    "{\"code\": \"" + INJECTION.replace("\u0000", "\\u0000") + "\", \"destination\": \"javascript:alert(1)\"}",
                    "null")) {
                probes++;
                Http.Response r = suite.http().send(op.method(), url, admin, body);
                check(op, body, r, failures);
            }
        }
        assertTrue(probes > 20, "probed " + probes + " bodies");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
        assertEquals(linksBefore, linkCount(suite, admin), "no bad request left a link behind");
    }

    @Test
    void hostilePathParametersNeverMakeA5xx(Suite suite) {
        String admin = suite.tokens().of("root");
        List<String> failures = new ArrayList<>();
        for (Operation op : operations(suite)) {
            if (!op.method().equals("GET") || !op.path().contains("{")) {
                continue;
            }
            for (String value : HOSTILE_PATH_VALUES) {
                Http.Response r = suite.http().get(suite.config().serviceUrl(op.service()) + fill(op.path(), value), admin);
                if (r.status() >= 500) {
                    failures.add(op + " with " + abbreviate(value) + " -> " + r.abbreviated());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aHugeBodyIsRefusedWithoutReachingTheDatabase(Suite suite) {
        String admin = suite.tokens().of("root");
        int linksBefore = linkCount(suite, admin);
        String huge = "{\"code\":\"huge-body\",\"notes\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";
        for (String url : List.of(suite.config().serviceUrl(ServiceModule.REGISTRY) + "/api/links",
                suite.config().serviceUrl(ServiceModule.AVAILABILITY) + "/api/feeds/erp")) {
            HttpResponse<String> r = http1(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString(huge)).build());
            assertEquals(413, r.statusCode(), url + " -> " + r.body());
        }
        assertEquals(linksBefore, linkCount(suite, admin));
    }

    @Test
    void theRedirectSurvivesTraversalLongCodesAndHeaderFloods(Suite suite) {
        String redirect = suite.config().serviceUrl(ServiceModule.REDIRECT);
        for (String path : List.of("/..%2F..%2Fetc%2Fpasswd", "/%00", "/" + "a".repeat(5000), "/%F0%9F%98%80",
                "/spk-weekend%0d%0aSet-Cookie:%20x=1", "/javascript:alert(1)")) {
            Http.Response r = suite.http().get(redirect + path, null);
            assertTrue(r.status() < 500, path + " -> " + r.abbreviated());
            r.header("Location").ifPresent(location -> assertTrue(location.startsWith("http://") || location.startsWith("https://"),
                    "redirects only to http(s): " + location));
            assertTrue(r.header("Set-Cookie").isEmpty(), "no header injection through the path");
        }
        HttpRequest.Builder flood = HttpRequest.newBuilder(URI.create(redirect + "/spk-weekend"))
                .timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < 300; i++) {
            flood.header("X-Flood-" + i, "y".repeat(200));
        }
        HttpResponse<String> r = http1(flood.build());
        assertTrue(r.statusCode() == 431 || r.statusCode() == 400 || r.statusCode() == 302, "header flood -> " + r.statusCode());
    }

    /**
     * Unreadable or wrongly shaped bodies must be refused. An array of junk may instead get a 2xx batch
     * answer that accepted nothing (batch endpoints reject item by item). A well-formed object with
     * odd values (or a JSON null where the body is optional) may be accepted where every field is
     * optional, but never answered with a 5xx.
     */
    private static void check(Operation op, String body, Http.Response r, List<String> failures) {
        String what = op.method() + " " + op.service().module() + op.path() + " with " + abbreviate(body) + " -> ";
        if (r.status() >= 500) {
            failures.add(what + r.abbreviated());
            return;
        }
        if (r.status() < 400) {
            boolean objectBody = body.equals("null") || body.startsWith("{\"") && body.endsWith("}");
            boolean junkBatchAcceptedNothing = body.startsWith("[") && r.body().contains("\"accepted\":0");
            if (!objectBody && !junkBatchAcceptedNothing) {
                failures.add(what + r.abbreviated());
            }
            return;
        }
        if (r.status() == 400) {
            String type = r.header("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + "400 without problem+json (" + type + ")");
            } else if (r.json().path("errors").path(0).path("field").asText().isEmpty()
                    && r.json().path("detail").asText().isEmpty()) {
                failures.add(what + "400 that names neither a field nor a reason: " + r.abbreviated());
            }
        }
    }

    /** HTTP/1.1 on purpose: the JDK client's h2c upgrade turns a server's refusal into a GOAWAY error. */
    private static HttpResponse<String> http1(HttpRequest request) {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError(request.uri() + " failed instead of answering: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int linkCount(Suite suite, String token) {
        Http.Response r = suite.http().get(suite.config().serviceUrl(ServiceModule.REGISTRY) + "/api/links?limit=1000", token);
        assertEquals(200, r.status(), r.abbreviated());
        JsonNode body = r.json();
        JsonNode items = body.isArray() ? body : body.path("items");
        return items.size();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
