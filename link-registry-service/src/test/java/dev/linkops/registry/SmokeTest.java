package dev.linkops.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class SmokeTest {
    @Test
    void readinessIsUpOnRealPostgresAndBroker() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void noTokenIs401AndMarketingTokenIs200() {
        given().when().get("/api/links").then().statusCode(401);
        given().auth().oauth2(OidcWiremockTestResource.getAccessToken("alice", Set.of("marketing")))
                .when().get("/api/links").then().statusCode(200);
    }
}
