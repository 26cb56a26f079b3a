package dev.linkops.registry.api;

import dev.linkops.registry.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.linkops.registry.Api.alice;
import static dev.linkops.registry.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class InventoryTest {

    @Test
    void theInventoryFiltersByOwnerTeamCampaignSkuStatusPurposeExpiryAndMissingUtms() {
        String campaign = "20261205_social_audio_" + Api.uniqueCode("inv").replace("-", "").toLowerCase() + "_awareness";
        String sku = "INV-" + Api.uniqueCode("s").toUpperCase();
        Map<String, Object> a = Api.simpleLink(Api.uniqueCode("inv-a"));
        a.put("campaign", campaign);
        a.put("skus", List.of(sku));
        a.put("purpose", "INFLUENCER");
        a.put("channel", "social");
        a.put("endsAt", Instant.now().plus(3, ChronoUnit.DAYS).toString());
        String idA = Api.create(a);
        alice().post("/api/links/" + idA + "/publish").then().statusCode(409); // no signal for the SKU: still a draft

        Map<String, Object> b = Api.simpleLink(Api.uniqueCode("inv-b"));
        b.put("campaign", campaign);
        b.put("team", "growth");
        b.put("utm", Map.of("source", "instagram"));
        b.put("endsAt", Instant.now().plus(20, ChronoUnit.DAYS).toString());
        String idB = as("bob", "marketing").body(b).post("/api/links").then().statusCode(201).extract().path("id");
        alice().post("/api/links/" + idB + "/publish").then().statusCode(409); // UTMs incomplete: analytics QA blocks

        String base = "/api/links?campaign=" + campaign;
        alice().get(base).then().body("id", org.hamcrest.Matchers.containsInAnyOrder(idA, idB));
        alice().get(base + "&owner=bob").then().body("id", equalTo(List.of(idB)));
        alice().get(base + "&team=growth").then().body("id", equalTo(List.of(idB)));
        alice().get(base + "&sku=" + sku).then().body("id", equalTo(List.of(idA)));
        alice().get(base + "&purpose=influencer").then().body("id", equalTo(List.of(idA)));
        alice().get(base + "&channel=social").then().body("id", equalTo(List.of(idA)));
        alice().get(base + "&missingUtm=true").then().body("id", equalTo(List.of(idB)));
        alice().get(base + "&status=DRAFT").then().body("id", org.hamcrest.Matchers.hasSize(2));
        alice().get(base + "&status=LIVE").then().body("id", org.hamcrest.Matchers.empty());
        as("ana", "analytics").get("/api/campaigns").then().statusCode(200)
                .body("find { it.campaign == '" + campaign + "' }.links", is(2))
                .body("find { it.campaign == '" + campaign + "' }.live", is(0))
                .body("find { it.campaign == '" + campaign + "' }.teams", org.hamcrest.Matchers.containsInAnyOrder("growth", "marketing"));

        String live = Api.live(); // ends in 30 days
        alice().get("/api/links?expiringWithin=P31D&limit=1000").then().body("id", hasItem(live));
        alice().get("/api/links?expiringWithin=7&limit=1000").then().body("id", not(hasItem(live)));
    }

    @Test
    void anExportedFileImportsBackAsDraftsOfTheImporter() {
        String campaign = "20261205_email_audio_" + Api.uniqueCode("csv").replace("-", "").toLowerCase() + "_retention";
        Map<String, Object> link = Api.fullLink(Api.uniqueCode("csv-src"), "CSV-X1", "CSV-X2");
        link.put("campaign", campaign);
        link.put("notes", "has, a comma and \"quotes\"");
        String id = Api.create(link);
        String csv = alice().get("/api/links/export?campaign=" + campaign).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();

        String renamed = csv.replaceAll(",csv-src-", ",csv-copy-");
        as("carol", "marketing").contentType("text/csv").body(renamed).post("/api/links/import").then().statusCode(200)
                .body("created", is(1))
                .body("links[0].status", is("DRAFT"))
                .body("links[0].owner", is("alice"))
                .body("links[0].rules.label", equalTo(List.of("low-stock", "sold-out")))
                .body("links[0].notes", is("has, a comma and \"quotes\""))
                .body("links[0].skus", equalTo(List.of("CSV-X1", "CSV-X2")));
        alice().get("/api/links?campaign=" + campaign).then().body("id", hasItem(id)).body("size()", is(2));
    }

    @Test
    void anImportWithOneBadRowWritesNothingAndNamesTheCell() {
        String campaign = "20261205_email_audio_" + Api.uniqueCode("bad").replace("-", "").toLowerCase() + "_retention";
        String csv = "code,campaign,channel,purpose,destination,destinationType,fallbackUrl\n"
                + Api.uniqueCode("ok") + "," + campaign + ",email,LOYALTY,https://shop.example.com/p/a,PDP,https://shop.example.com/\n"
                + Api.uniqueCode("bad") + "," + campaign + ",email,LOYALTY,https://evil.net/p/a,PDP,https://shop.example.com/\n";
        alice().contentType("text/csv").body(csv).post("/api/links/import").then().statusCode(400)
                .body("errors[0].field", is("/rows/1/destination"))
                .body("errors[0].reason", containsString("line 3"));
        alice().get("/api/links?campaign=" + campaign).then().body("size()", is(0));
        alice().contentType("text/csv").body("code,colour\nabc,red\n").post("/api/links/import").then().statusCode(400)
                .body("errors[0].field", is("/header/1"));
    }
}
