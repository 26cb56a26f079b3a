package dev.linkops.registry;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Requests as a named person with realm roles (real signed tokens from the WireMock OIDC server). */
public final class Api {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(roles)))
                .contentType(ContentType.JSON);
    }

    public static RequestSpecification alice() {
        return as("alice", "marketing");
    }

    public static RequestSpecification admin() {
        return as("root", "admin");
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** The DESIGN §8 example: two SKUs, one market, two stock rules. */
    public static Map<String, Object> fullLink(String code, String primarySku, String secondSku) {
        Map<String, Object> link = simpleLink(code);
        link.put("skus", new ArrayList<>(List.of(primarySku, secondSku)));
        link.put("markets", new ArrayList<>(List.of("US")));
        link.put("language", "en");
        link.put("currency", "USD");
        link.put("rules", new ArrayList<>(List.of(
                rule("low-stock", Map.of("stock", Map.of("sku", "primary", "state", List.of("LOW"))),
                        "https://shop.example.com/c/speakers?featured={sku}", "CATEGORY"),
                rule("sold-out", Map.of("stock", Map.of("sku", "primary", "state", List.of("OUT_OF_STOCK"))),
                        "https://shop.example.com/waitlist/{sku}", "WAITLIST"))));
        return link;
    }

    /** A link with no SKUs and no rules: publishable without any stock signal. */
    public static Map<String, Object> simpleLink(String code) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("code", code);
        link.put("campaign", "20261205_paidsearch_audio_prospects_conversion");
        link.put("channel", "paid_search");
        link.put("purpose", "ACQUISITION");
        link.put("utm", new LinkedHashMap<>(Map.of("source", "google", "medium", "cpc",
                "campaign", "20261205_paidsearch_audio_prospects_conversion", "content", "hero")));
        link.put("destination", "https://shop.example.com/p/spk-x1");
        link.put("destinationType", "PDP");
        link.put("fallbackUrl", "https://shop.example.com/c/speakers");
        link.put("endsAt", Instant.now().plusSeconds(30 * 86400).toString());
        return link;
    }

    public static Map<String, Object> rule(String label, Map<String, Object> when, String destination, String type) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("label", label);
        rule.put("when", new LinkedHashMap<>(when));
        rule.put("then", new LinkedHashMap<>(Map.of("destination", destination, "destinationType", type)));
        return rule;
    }

    /** Creates as alice (marketing); returns the id. */
    public static String create(Map<String, Object> body) {
        return alice().body(body).post("/api/links").then().statusCode(201).extract().path("id");
    }

    /** Creates a simple link and publishes it: LIVE. */
    public static String live() {
        String id = create(simpleLink(uniqueCode("live")));
        alice().post("/api/links/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
