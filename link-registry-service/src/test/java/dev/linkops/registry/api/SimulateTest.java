package dev.linkops.registry.api;

import dev.linkops.registry.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.linkops.registry.Api.alice;
import static dev.linkops.registry.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SimulateTest {

    private static String link(String x1) {
        String code = Api.uniqueCode("sim");
        Map<String, Object> body = Api.fullLink(code, x1, x1 + "-B");
        List<Object> rules = new java.util.ArrayList<>((List<?>) body.get("rules"));
        rules.add(0, Api.rule("vip-mobile", Map.of("device", List.of("mobile"), "segment", List.of("vip")),
                "https://shop.example.com/vip/{market}", "CUSTOM"));
        body.put("rules", rules);
        return Api.create(body);
    }

    @Test
    void outOfStockPrimarySkuRoutesToTheWaitlistAndKeepsEveryParameter() {
        String id = link("SIM-A");
        alice().body(Map.of("availability", Map.of("SIM-A", Map.of("state", "OUT_OF_STOCK", "available", 0)),
                        "device", "desktop", "market", "US", "query", "gclid=abc&utm_source=evil"))
                .post("/api/links/" + id + "/simulate").then().statusCode(200)
                .body("branch", is("sold-out")).body("destinationType", is("WAITLIST")).body("outcome", is("ROUTED"))
                .body("location", startsWith("https://shop.example.com/waitlist/SIM-A?"))
                .body("location", containsString("utm_source=google"))
                .body("location", containsString("gclid=abc"))
                .body("location", containsString("lo_cid=simulated"))
                .body("skus[0].state", is("OUT_OF_STOCK"));
    }

    @Test
    void lowStockGoesToTheCategoryWithTheSkuFeatured() {
        String id = link("SIM-B");
        as("ana", "analytics").body(Map.of("availability", Map.of("SIM-B", Map.of("state", "LOW", "available", 12))))
                .post("/api/links/" + id + "/simulate").then().statusCode(200)
                .body("branch", is("low-stock"))
                .body("location", startsWith("https://shop.example.com/c/speakers?featured=SIM-B&"));
    }

    @Test
    void aStaleSignalIsUnknownAndFallsThroughToTheDefault() {
        String id = link("SIM-C");
        alice().body(Map.of("availability", Map.of("SIM-C", Map.of("state", "OUT_OF_STOCK", "available", 0,
                        "ageSeconds", 3600))))
                .post("/api/links/" + id + "/simulate").then().statusCode(200)
                .body("branch", is("default")).body("skus[0].state", is("UNKNOWN"));
    }

    @Test
    void requestContextBranchesMatchOnDeviceAndSegment() {
        String id = link("SIM-D");
        alice().body(Map.of("device", "mobile", "segment", "vip", "market", "US"))
                .post("/api/links/" + id + "/simulate").then().statusCode(200)
                .body("branch", is("vip-mobile")).body("location", startsWith("https://shop.example.com/vip/US?"));
    }

    @Test
    void anUnknownDeviceIsABadRequest() {
        String id = link("SIM-E");
        alice().body(Map.of("device", "smartwatch")).post("/api/links/" + id + "/simulate").then().statusCode(400)
                .body("errors[0].field", is("/device"));
        alice().body(Map.of("availability", Map.of("SIM-E", Map.of("state", "SOLD")))).post("/api/links/" + id + "/simulate")
                .then().statusCode(400).body("errors[0].field", is("/availability/SIM-E/state"));
    }
}
