package dev.linkops.registry.api;

import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.registry.Api;
import dev.linkops.registry.LinksProbe;
import dev.linkops.registry.domain.lifecycle.LifecycleService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static dev.linkops.registry.Api.alice;
import static dev.linkops.registry.Api.as;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LifecycleTest {
    @Inject
    LifecycleService lifecycle;
    @Inject
    LinksProbe probe;

    @Test
    void aLinkPublishedBeforeItsWindowIsScheduledThenGoesLiveThenExpiresOnTime() {
        Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        Map<String, Object> body = Api.simpleLink(Api.uniqueCode("timed"));
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        String id = Api.create(body);
        UUID linkId = UUID.fromString(id);

        alice().post("/api/links/" + id + "/publish").then().statusCode(200).body("status", is("SCHEDULED"));
        assertEquals(LinkStatus.SCHEDULED, probe.awaitPublished(linkId, 2).status());

        lifecycle.advance(start.minusSeconds(1));
        alice().get("/api/links/" + id).then().body("status", is("SCHEDULED"));

        lifecycle.advance(start.plusSeconds(1));
        alice().get("/api/links/" + id).then().body("status", is("LIVE")).body("version", is(3));
        assertEquals(LinkStatus.LIVE, probe.awaitPublished(linkId, 3).status());

        lifecycle.advance(end);
        alice().get("/api/links/" + id).then().body("status", is("EXPIRED")).body("version", is(4));
        assertEquals(LinkStatus.EXPIRED, probe.awaitPublished(linkId, 4).status());
        alice().get("/api/links/" + id + "/history").then().body("[3].actor", is("system"))
                .body("[3].action", is("EXPIRED"));
    }

    @Test
    void pauseAndResumeAreVersionsTheRedirectHears() {
        String id = Api.live();
        UUID linkId = UUID.fromString(id);
        as("olivia", "operations").body(Map.of("reason", "stock count in progress"))
                .post("/api/links/" + id + "/pause").then().statusCode(200).body("status", is("PAUSED"));
        assertEquals(LinkStatus.PAUSED, probe.awaitPublished(linkId, 3).status());
        alice().post("/api/links/" + id + "/resume").then().statusCode(200).body("status", is("LIVE"));
        assertEquals(LinkStatus.LIVE, probe.awaitPublished(linkId, 4).status());
    }

    @Test
    void archivingRetiresTheCodeAndMakesTheLinkReadOnly() {
        String id = Api.live();
        alice().body(Map.of("reason", "campaign over")).post("/api/links/" + id + "/archive").then().statusCode(200)
                .body("status", is("ARCHIVED"));
        assertEquals("campaign over", probe.awaitRetired(UUID.fromString(id)).reason());
        alice().body(Map.of("notes", "late note")).patch("/api/links/" + id).then().statusCode(409);
        alice().post("/api/links/" + id + "/archive").then().statusCode(409);
        alice().post("/api/links/" + id + "/publish").then().statusCode(409);
    }

    @Test
    void transitionsThatMakeNoSenseAreConflicts() {
        String draft = Api.create(Api.simpleLink(Api.uniqueCode("nonsense")));
        alice().post("/api/links/" + draft + "/pause").then().statusCode(409)
                .contentType("application/problem+json").body("status", is(409));
        alice().post("/api/links/" + draft + "/resume").then().statusCode(409);
        String live = Api.live();
        alice().post("/api/links/" + live + "/publish").then().statusCode(409);
    }

    @Test
    void aLinkWhoseWindowAlreadyEndedCannotBePublished() {
        Map<String, Object> body = Api.simpleLink(Api.uniqueCode("late"));
        body.put("startsAt", Instant.now().minus(2, ChronoUnit.DAYS).toString());
        body.put("endsAt", Instant.now().minus(1, ChronoUnit.DAYS).toString());
        String id = Api.create(body);
        alice().post("/api/links/" + id + "/publish").then().statusCode(409)
                .body("checklist.checks.find { it.name == 'window' }.status", is("FAIL"));
    }

    @Test
    void anUnknownLinkIs404() {
        alice().get("/api/links/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        alice().post("/api/links/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }
}
