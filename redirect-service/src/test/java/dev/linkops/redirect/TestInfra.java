package dev.linkops.redirect;

import dev.linkops.infra.testing.BrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every @QuarkusTest here runs against a real AMQP broker (embedded Artemis) and gets its service token
 * from a WireMock OIDC server. The registry and availability services are stubbed per test class.
 */
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfra {
    private TestInfra() {
    }
}
