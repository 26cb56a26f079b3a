package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a running service says it serves. Tests of an endpoint that a service does not declare yet are
 * reported as skipped with the reason (they bind as soon as the endpoint appears), never silently passed.
 */
final class OpenApi {
    private OpenApi() {
    }

    static boolean declares(Suite suite, ServiceModule service, String method, String pathTemplate) {
        Http.Response r = suite.http().get(suite.config().serviceUrl(service) + "/q/openapi?format=json", null);
        assertEquals(200, r.status(), service.module() + " must publish its OpenAPI document");
        JsonNode path = r.json().path("paths").path(pathTemplate);
        return !path.path(method.toLowerCase(Locale.ROOT)).isMissingNode();
    }

    static void assumeDeclared(Suite suite, ServiceModule service, String method, String pathTemplate) {
        assumeTrue(declares(suite, service, method, pathTemplate),
                () -> service.module() + " does not declare " + method + " " + pathTemplate + " yet");
    }
}
