package dev.linkops.alerting.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Beside TestInfra's PostgreSQL, broker and OIDC: a real SMTP server and Keycloak's admin API (WireMock). */
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(KeycloakAdminTestResource.class)
public final class AlertingTestInfra {
    private AlertingTestInfra() {
    }
}
