package dev.linkops.alerting;

import dev.linkops.infra.testing.BrokerTestResource;
import dev.linkops.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every @QuarkusTest here runs against real PostgreSQL and a real AMQP broker (embedded, no
 * container engine) and verifies real signed tokens from a WireMock OIDC server.
 */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfra {
    private TestInfra() {
    }
}
