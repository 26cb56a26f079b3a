package dev.linkops.e2e;

import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every service of the running suite is ready and documents itself. */
@ExtendWith(RunningSuite.class)
class HealthIT {

    @ParameterizedTest(name = "{0} is ready")
    @EnumSource(ServiceModule.class)
    void everyServiceReportsReadyUp(ServiceModule service, Suite suite) {
        assertTrue(suite.isRunning(service), service.module() + " is not running");
        Http.Response r = suite.http().get(suite.config().serviceUrl(service) + "/q/health/ready", null);
        assertEquals(200, r.status(), r.toString());
        assertEquals("UP", r.json().path("status").asText(), r.toString());
    }

    @ParameterizedTest(name = "{0} serves Swagger UI")
    @EnumSource(ServiceModule.class)
    void everyServiceServesSwaggerUi(ServiceModule service, Suite suite) {
        int openApi = suite.http().get(suite.config().serviceUrl(service) + "/q/openapi", null).status();
        assumeTrue(openApi == 200, () -> service.module() + " does not serve /q/openapi yet (HTTP " + openApi + ")");
        Http.Response r = suite.http().get(suite.config().serviceUrl(service) + "/q/swagger-ui/", null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("swagger"), "not a Swagger UI page");
    }
}
