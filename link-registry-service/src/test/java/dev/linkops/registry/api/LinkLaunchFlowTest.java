package dev.linkops.registry.api;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.registry.Api;
import dev.linkops.registry.LinksProbe;
import dev.linkops.registry.Poll;
import dev.linkops.registry.Signals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.linkops.registry.Api.alice;
import static dev.linkops.registry.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create → preflight → publish → change request → approval → LinkPublished on the real broker. */
@QuarkusTest
class LinkLaunchFlowTest {
    @Inject
    LinksProbe probe;
    @Inject
    Signals signals;

    @Test
    void aLinkIsLaunchedOnlyOnceStockIsKnownAndItsRoutingChangeNeedsASecondPerson() {
        String code = Api.uniqueCode("spk-weekend");
        String x1 = code.toUpperCase() + "-X1";
        String x2 = code.toUpperCase() + "-X2";
        Map<String, Object> body = Api.fullLink(code, x1, x2);
        String id = alice().body(body).post("/api/links").then().statusCode(201)
                .body("code", is(code)).body("version", is(1)).body("status", is("DRAFT"))
                .body("owner", is("alice")).body("team", is("marketing"))
                .extract().path("id");
        UUID linkId = UUID.fromString(id);

        // no stock signal yet: preflight says so and publish refuses with the checklist
        JsonPath checklist = alice().post("/api/links/" + id + "/preflight").then().statusCode(200)
                .body("ready", is(false)).extract().jsonPath();
        assertEquals("FAIL", check(checklist, "stock").get("status"));
        assertEquals("UNKNOWN", check(checklist, "pages").get("status"));
        assertEquals("PASS", check(checklist, "analytics").get("status"));
        alice().post("/api/links/" + id + "/publish").then().statusCode(409)
                .contentType("application/problem+json")
                .body("checklist.ready", is(false))
                .body("checklist.checks.find { it.name == 'stock' }.items.subject", hasItems(x1 + "@US", x2 + "@US"));

        // availability-service announces both SKUs; the registry hears it over linkops.availability
        signals.availability(x1, "US", StockState.IN_STOCK, 140, 1, Instant.now());
        signals.availability(x2, "US", StockState.LOW, 12, 1, Instant.now());
        Poll.until("both SKUs have a fresh signal", () -> "PASS".equals(check(
                alice().post("/api/links/" + id + "/preflight").then().extract().jsonPath(), "stock").get("status")));
        // and alerting-service reports the default page audited fine
        signals.audit(linkId, 1, "default", true, null);
        Poll.until("the default page's audit arrived", () -> alice().post("/api/links/" + id + "/preflight").then()
                .extract().jsonPath().getList("checks.find { it.name == 'pages' }.items.status").contains("PASS"));

        alice().body(Map.of("reason", "weekend launch")).post("/api/links/" + id + "/publish").then().statusCode(200)
                .body("status", is("LIVE")).body("version", is(2));
        LinkPublished launched = probe.awaitPublished(linkId, 2);
        assertEquals(LinkStatus.LIVE, launched.status());
        assertEquals("https://shop.example.com/p/spk-x1", launched.destination().destination());
        assertEquals(List.of(x1, x2), launched.skus());
        assertEquals(2, launched.rules().size());

        // a destination change on a live link becomes a change request
        Map<String, Object> edited = new java.util.HashMap<>(body);
        edited.put("destination", "https://shop.example.com/p/spk-x2");
        edited.put("reason", "X1 hero image is wrong; send traffic to X2 until fixed");
        String requestId = alice().body(edited).put("/api/links/" + id).then().statusCode(202)
                .body("status", is("PENDING")).body("proposedBy", is("alice")).body("baseVersion", is(2))
                .body("changes", hasItem("/destination"))
                .extract().path("id");
        alice().get("/api/links/" + id).then().body("version", is(2))
                .body("destination", is("https://shop.example.com/p/spk-x1"));

        // four eyes: the proposer cannot approve, even holding an approver role; marketing cannot at all
        alice().post("/api/change-requests/" + requestId + "/approve").then().statusCode(403);
        as("alice", "marketing", "operations").post("/api/change-requests/" + requestId + "/approve").then()
                .statusCode(403).body("detail", containsString("four eyes"));
        as("bob", "marketing").post("/api/change-requests/" + requestId + "/approve").then().statusCode(403);

        as("olivia", "operations").body(Map.of("reason", "checked X2 stock")).post("/api/change-requests/" + requestId + "/approve")
                .then().statusCode(200).body("status", is("APPROVED")).body("decidedBy", is("olivia"))
                .body("resultingVersion", is(3));
        alice().get("/api/links/" + id).then().body("version", is(3)).body("status", is("LIVE"))
                .body("destination", is("https://shop.example.com/p/spk-x2"));
        LinkPublished changed = probe.awaitPublished(linkId, 3);
        assertEquals("https://shop.example.com/p/spk-x2", changed.destination().destination());
        assertEquals(LinkStatus.LIVE, changed.status());

        // versions, diff and history keep who, when, what and why
        alice().get("/api/links/" + id + "/versions").then().statusCode(200)
                .body("kind", equalTo(List.of("CREATED", "PUBLISHED", "APPROVED_CHANGE")))
                .body("[2].createdBy", is("alice"))
                .body("[2].reason", is("X1 hero image is wrong; send traffic to X2 until fixed"))
                .body("[2].changeRequestId", is(requestId));
        alice().get("/api/links/" + id + "/diff?from=2&to=3").then().statusCode(200)
                .body("changes.field", equalTo(List.of("/destination")))
                .body("changes[0].from", is("https://shop.example.com/p/spk-x1"))
                .body("changes[0].to", is("https://shop.example.com/p/spk-x2"));
        alice().get("/api/links/" + id + "/diff?from=1&to=2").then().body("changes.field", equalTo(List.of("/status")));
        JsonPath history = alice().get("/api/links/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "PUBLISHED", "CHANGE_REQUESTED", "APPROVED_CHANGE", "APPROVED"),
                history.getList("action"));
        assertEquals(List.of("alice", "alice", "alice", "alice", "olivia"), history.getList("actor"));
        assertEquals("checked X2 stock", history.getString("[4].reason"));
        assertEquals("weekend launch", history.getString("[1].reason"));

        // the redirect's start-up snapshot carries the current published version
        as("redirect", "service").get("/internal/links/snapshot").then().statusCode(200)
                .body("find { it.linkId == '" + id + "' }.version", is(3))
                .body("find { it.linkId == '" + id + "' }.destination.destination", is("https://shop.example.com/p/spk-x2"));
    }

    @Test
    void rejectingAChangeKeepsTheLiveVersionAndItCannotBeApprovedLater() {
        String id = Api.live();
        String requestId = alice().body(Map.of("fallbackUrl", "https://shop.example.com/c/audio", "reason", "better fallback"))
                .patch("/api/links/" + id).then().statusCode(202).extract().path("id");
        as("mia", "merchandising").body(Map.of("reason", "audio category is being rebuilt"))
                .post("/api/change-requests/" + requestId + "/reject").then().statusCode(200)
                .body("status", is("REJECTED")).body("decisionNote", is("audio category is being rebuilt"));
        alice().get("/api/links/" + id).then().body("version", is(2))
                .body("fallbackUrl", is("https://shop.example.com/c/speakers"));
        as("olivia", "operations").post("/api/change-requests/" + requestId + "/approve").then().statusCode(409);
        alice().get("/api/links/" + id + "/history").then().body("action", hasItem("REJECTED"));
    }

    @Test
    void aRoutingChangeToALiveLinkMustSayWhy() {
        String id = Api.live();
        alice().body(Map.of("destination", "https://shop.example.com/p/other")).patch("/api/links/" + id).then()
                .statusCode(400).body("errors[0].field", is("/reason"));
        alice().get("/api/links/" + id).then().body("version", is(2));
    }

    @Test
    void anApprovalBasedOnAnOutdatedVersionIsRefused() {
        String id = Api.live();
        String first = alice().body(Map.of("destination", "https://shop.example.com/p/a", "reason", "a"))
                .patch("/api/links/" + id).then().statusCode(202).extract().path("id");
        String second = alice().body(Map.of("destination", "https://shop.example.com/p/b", "reason", "b"))
                .patch("/api/links/" + id).then().statusCode(202).extract().path("id");
        as("olivia", "operations").post("/api/change-requests/" + first + "/approve").then().statusCode(200);
        as("olivia", "operations").post("/api/change-requests/" + second + "/approve").then().statusCode(409)
                .body("detail", containsString("changed since"));
        alice().get("/api/links/" + id).then().body("destination", is("https://shop.example.com/p/a"));
    }

    @Test
    void editsThatDoNotChangeRoutingArePublishedWithoutApproval() {
        String id = Api.live();
        alice().body(Map.of("notes", "agency asked for a note", "reason", "note")).patch("/api/links/" + id).then()
                .statusCode(200).body("version", is(3)).body("notes", is("agency asked for a note"));
        LinkPublished published = probe.awaitPublished(UUID.fromString(id), 3);
        assertEquals(LinkStatus.LIVE, published.status());
    }

    @Test
    void aDraftIsEditedDirectlyAndAnEditThatChangesNothingMakesNoVersion() {
        String code = Api.uniqueCode("draft");
        String id = Api.create(Api.simpleLink(code));
        Map<String, Object> body = Api.simpleLink(code);
        body.put("destination", "https://shop.example.com/p/new");
        alice().body(body).put("/api/links/" + id).then().statusCode(200).body("version", is(2))
                .body("destination", is("https://shop.example.com/p/new"));
        alice().body(body).put("/api/links/" + id).then().statusCode(200).body("version", is(2));
        body.put("code", "another-code");
        alice().body(body).put("/api/links/" + id).then().statusCode(400).body("errors[0].field", is("/code"));
    }

    @Test
    void aFailedPageAuditBlocksPublishing() {
        String id = Api.create(Api.simpleLink(Api.uniqueCode("audited")));
        signals.audit(UUID.fromString(id), 1, "default", false, "404 on the product page");
        Poll.until("the failed audit arrived", () -> "FAIL".equals(check(
                alice().post("/api/links/" + id + "/preflight").then().extract().jsonPath(), "pages").get("status")));
        alice().post("/api/links/" + id + "/publish").then().statusCode(409)
                .body("checklist.checks.find { it.name == 'pages' }.items[0].detail", containsString("404 on the product page"));
        alice().get("/api/links?failingAudit=true&limit=1000").then().body("id", hasItem(id));
    }

    @Test
    void anAuditOfAnEarlierDestinationNoLongerCounts() {
        String id = Api.create(Api.simpleLink(Api.uniqueCode("reaudit")));
        signals.audit(UUID.fromString(id), 1, "default", true, null);
        Poll.until("the audit arrived", () -> "PASS".equals(check(
                alice().post("/api/links/" + id + "/preflight").then().extract().jsonPath(), "pages").get("status")));
        alice().body(Map.of("destination", "https://shop.example.com/p/moved")).patch("/api/links/" + id).then()
                .statusCode(200).body("version", is(2));
        alice().post("/api/links/" + id + "/preflight").then()
                .body("checks.find { it.name == 'pages' }.status", is("UNKNOWN"))
                .body("checks.find { it.name == 'pages' }.items[0].detail", containsString("before the destination changed in version 2"));
        alice().body(Map.of("notes", "unrelated")).patch("/api/links/" + id).then().statusCode(200).body("version", is(3));
        signals.audit(UUID.fromString(id), 2, "default", true, null);
        Poll.until("the new audit counts", () -> "PASS".equals(check(
                alice().post("/api/links/" + id + "/preflight").then().extract().jsonPath(), "pages").get("status")));
    }

    @Test
    void aPrimarySkuAlreadyLowIsAWarningNotABlocker() {
        String code = Api.uniqueCode("lowprimary");
        String sku = code.toUpperCase() + "-P";
        Map<String, Object> body = Api.simpleLink(code);
        body.put("skus", List.of(sku));
        body.put("markets", List.of("US"));
        String id = Api.create(body);
        signals.availability(sku, "US", StockState.LOW, 3, 1, Instant.now());
        Poll.until("the LOW signal arrived", () -> "WARN".equals(check(
                alice().post("/api/links/" + id + "/preflight").then().extract().jsonPath(), "stock").get("status")));
        alice().post("/api/links/" + id + "/publish").then().statusCode(200).body("status", is("LIVE"));
    }

    @Test
    void aStaleSignalFailsStockVerification() {
        String code = Api.uniqueCode("stale");
        String sku = code.toUpperCase() + "-S";
        Map<String, Object> body = Api.simpleLink(code);
        body.put("skus", List.of(sku));
        body.put("markets", List.of("US"));
        body.put("maxSignalAge", "PT15M");
        String id = Api.create(body);
        signals.availability(sku, "US", StockState.IN_STOCK, 50, 1, Instant.now().minusSeconds(3600));
        Poll.until("the old signal arrived", () -> alice().post("/api/links/" + id + "/preflight").then().extract()
                .jsonPath().getString("checks.find { it.name == 'stock' }.items[0].detail").contains("older than maxSignalAge"));
        alice().post("/api/links/" + id + "/publish").then().statusCode(409);
    }

    @Test
    void theSnapshotIsForServiceAccountsOnlyAndLeavesOutDraftsAndArchivedLinks() {
        String draft = Api.create(Api.simpleLink(Api.uniqueCode("snapdraft")));
        String archived = Api.live();
        alice().post("/api/links/" + archived + "/archive").then().statusCode(200);
        String live = Api.live();
        List<String> ids = as("redirect", "service").get("/internal/links/snapshot").then().statusCode(200)
                .extract().jsonPath().getList("linkId");
        assertTrue(ids.contains(live));
        assertFalse(ids.contains(draft));
        assertFalse(ids.contains(archived));
        Api.admin().get("/internal/links/snapshot").then().statusCode(403);
        given().get("/internal/links/snapshot").then().statusCode(401);
    }

    @Test
    void readinessIsUpOnRealPostgresAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(JsonPath checklist, String name) {
        List<Map<String, Object>> checks = checklist.getList("checks");
        return checks.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }
}
