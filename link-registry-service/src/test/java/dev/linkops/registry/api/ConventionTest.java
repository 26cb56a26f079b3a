package dev.linkops.registry.api;

import dev.linkops.registry.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.linkops.registry.Api.alice;
import static dev.linkops.registry.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Naming conventions set by analytics, enforced or warned on links. Uses the utm_medium target only. */
@QuarkusTest
class ConventionTest {

    @AfterEach
    void removeConvention() {
        Api.admin().delete("/api/conventions/utm_medium");
    }

    @Test
    void anEnforcedConventionRefusesALinkAndSaysWhichPartIsWrong() {
        as("ana", "analytics").body(Map.of("pattern", "{kind}-{tier}",
                        "parts", Map.of("kind", Map.of("values", List.of("cpc", "email", "social")),
                                "tier", Map.of("regex", "t[1-3]", "description", "t1, t2 or t3")),
                        "mode", "ENFORCE"))
                .put("/api/conventions/utm_medium").then().statusCode(200).body("mode", is("ENFORCE"))
                .body("updatedBy", is("ana"));
        Map<String, Object> link = Api.simpleLink(Api.uniqueCode("conv"));
        ((Map<String, Object>) link.get("utm")).put("medium", "banner-t1");
        alice().body(link).post("/api/links").then().statusCode(400)
                .body("errors[0].field", is("/utm/medium"))
                .body("errors[0].reason", containsString("part {kind} is 'banner'; expected one of [cpc, email, social]"));
        ((Map<String, Object>) link.get("utm")).put("medium", "cpc-t9");
        alice().body(link).post("/api/links").then().statusCode(400)
                .body("errors[0].reason", containsString("part {tier} is 't9'; expected t1, t2 or t3"));
        ((Map<String, Object>) link.get("utm")).put("medium", "cpc");
        alice().body(link).post("/api/links").then().statusCode(400)
                .body("errors[0].reason", containsString("part {tier} is missing"));
        ((Map<String, Object>) link.get("utm")).put("medium", "cpc-t2");
        alice().body(link).post("/api/links").then().statusCode(201);
    }

    @Test
    void aConventionInWarnModeAcceptsTheLinkAndShowsTheWarningInPreflight() {
        as("ana", "analytics").body(Map.of("pattern", "{kind}-{tier}", "mode", "WARN"))
                .put("/api/conventions/utm_medium").then().statusCode(200);
        Map<String, Object> link = Api.simpleLink(Api.uniqueCode("warn"));
        String id = alice().body(link).post("/api/links").then().statusCode(201)
                .body("warnings[0].field", is("/utm/medium"))
                .body("warnings[0].reason", containsString("part {tier} is missing"))
                .extract().path("id");
        alice().post("/api/links/" + id + "/preflight").then().statusCode(200)
                .body("ready", is(true))
                .body("checks.find { it.name == 'analytics' }.status", is("WARN"));
    }

    @Test
    void aMalformedConventionIsRefused() {
        as("ana", "analytics").body(Map.of("pattern", "{kind}{tier}")).put("/api/conventions/utm_medium").then()
                .statusCode(400).body("errors[0].field", is("/pattern")).body("errors[0].reason", containsString("separator"));
        as("ana", "analytics").body(Map.of("pattern", "{kind}-{tier}", "parts", Map.of("tier", Map.of("regex", "[")))).put("/api/conventions/utm_medium").then()
                .statusCode(400).body("errors[0].reason", containsString("invalid regex"));
        as("ana", "analytics").body(Map.of("pattern", "{kind}", "mode", "SHOUT")).put("/api/conventions/utm_medium").then()
                .statusCode(400).body("errors[0].field", is("/mode"));
        as("ana", "analytics").body(Map.of("pattern", "{kind}")).put("/api/conventions/utm_colour").then()
                .statusCode(400).body("errors[0].field", is("/target"));
    }
}
