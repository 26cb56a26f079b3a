package dev.linkops.registry.api;

import dev.linkops.registry.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.linkops.registry.Api.alice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.empty;

/** Every validation rule with a bad input: 400 problem+json naming the field and why, and nothing written. */
@QuarkusTest
class LinkValidationTest {

    static Stream<Arguments> badLinks() {
        return Stream.of(
                bad("a code with spaces", l -> l.put("code", "spk weekend"), "/code", "3-64 characters"),
                bad("a code too short", l -> l.put("code", "ab"), "/code", "3-64 characters"),
                bad("a reserved code", l -> l.put("code", "api"), "/code", "reserved"),
                bad("no campaign", l -> l.remove("campaign"), "/campaign", "required"),
                bad("a campaign too long", l -> l.put("campaign", "c".repeat(201)), "/campaign", "at most 200"),
                bad("a channel with spaces", l -> l.put("channel", "Paid Search"), "/channel", "lower-case"),
                bad("an unknown purpose", l -> l.put("purpose", "BRANDING"), "/purpose", "must be one of"),
                bad("a malformed team", l -> l.put("team", "team with spaces"), "/team", "team"),
                bad("a malformed SKU", l -> l.put("skus", List.of("SPK X1")), "/skus/0", "must be a SKU"),
                bad("a repeated SKU", l -> l.put("skus", List.of("SPK-X1", "SPK-X1")), "/skus/1", "repeats"),
                bad("a rule keyword as SKU", l -> l.put("skus", List.of("primary")), "/skus/0", "keyword"),
                bad("too many SKUs", l -> l.put("skus", IntStream.range(0, 51).mapToObj(i -> "S" + i).toList()), "/skus", "at most 50"),
                bad("a lower-case market", l -> l.put("markets", List.of("us")), "/markets/0", "ISO 3166"),
                bad("a language name", l -> l.put("language", "english"), "/language", "ISO 639-1"),
                bad("a lower-case currency", l -> l.put("currency", "usd"), "/currency", "ISO 4217"),
                bad("a substitution for a foreign market", l -> {
                    l.put("skus", List.of("SPK-X1"));
                    l.put("markets", List.of("US"));
                    l.put("substitutions", Map.of("FR", Map.of("SPK-X1", List.of("SPK-X9"))));
                }, "/substitutions/FR", "not one of the link's markets"),
                bad("a SKU substituting itself", l -> {
                    l.put("skus", List.of("SPK-X1"));
                    l.put("markets", List.of("US"));
                    l.put("substitutions", Map.of("US", Map.of("SPK-X1", List.of("SPK-X1"))));
                }, "/substitutions/US/SPK-X1/0", "cannot substitute itself"),
                bad("an end before the start", l -> {
                    l.put("startsAt", "2026-12-07T00:00:00Z");
                    l.put("endsAt", "2026-12-05T00:00:00Z");
                }, "/endsAt", "after startsAt"),
                bad("an unknown UTM key", l -> utm(l).put("campagne", "x"), "/utm/campagne", "not a UTM parameter"),
                bad("a blank UTM value", l -> utm(l).put("source", " "), "/utm/source", "blank"),
                bad("no destination", l -> l.remove("destination"), "/destination", "required"),
                bad("a javascript: destination", l -> l.put("destination", "javascript:alert(1)"), "/destination", "javascript"),
                bad("a data: destination", l -> l.put("destination", "data:text/html,hi"), "/destination", "data"),
                bad("a relative destination", l -> l.put("destination", "/p/spk-x1"), "/destination", "absolute"),
                bad("an ftp destination", l -> l.put("destination", "ftp://shop.example.com/x"), "/destination", "https"),
                bad("credentials in the URL", l -> l.put("destination", "https://user:pw@shop.example.com/p/x"), "/destination", "credentials"),
                bad("a host not allow-listed", l -> l.put("destination", "https://evil.example.net/p/x"), "/destination", "not allowed"),
                bad("a look-alike host", l -> l.put("destination", "https://shop.example.com.evil.net/p/x"), "/destination", "not allowed"),
                bad("an unknown placeholder", l -> l.put("destination", "https://shop.example.com/p/{color}"), "/destination", "unknown placeholder"),
                bad("an unbalanced placeholder", l -> l.put("destination", "https://shop.example.com/p/{sku"), "/destination", "unbalanced"),
                bad("{sku} without SKUs", l -> {
                    l.remove("skus");
                    l.put("destination", "https://shop.example.com/p/{sku}");
                }, "/destination", "no SKUs"),
                bad("a space in the URL", l -> l.put("destination", "https://shop.example.com/p/spk x1"), "/destination", "spaces"),
                bad("a URL too long", l -> l.put("destination", "https://shop.example.com/" + "a".repeat(2100)), "/destination", "at most 2048"),
                bad("an unknown destination type", l -> l.put("destinationType", "PRODUCT"), "/destinationType", "must be one of"),
                bad("no fallback", l -> l.remove("fallbackUrl"), "/fallbackUrl", "required"),
                bad("a paused URL off the allow-list", l -> l.put("pausedUrl", "https://other.org/"), "/pausedUrl", "not allowed"),
                bad("a branch without a label", l -> rules(l, rule(null, stock("primary", "LOW"))), "/rules/0/label", "required"),
                bad("a branch named default", l -> rules(l, rule("default", stock("primary", "LOW"))), "/rules/0/label", "default"),
                bad("two branches with one label", l -> rules(l, rule("a", stock("primary", "LOW")), rule("a", stock("primary", "OUT_OF_STOCK"))),
                        "/rules/1/label", "unique"),
                bad("a branch without conditions", l -> rules(l, rule("a", Map.of())), "/rules/0/when", "at least one condition"),
                bad("an unreachable branch", l -> rules(l, rule("a", stock("primary", "LOW")), rule("b", stock("primary", "LOW"))),
                        "/rules/1/when", "can never match"),
                bad("a branch without a target", l -> {
                    Map<String, Object> r = rule("a", stock("primary", "LOW"));
                    r.remove("then");
                    rules(l, r);
                }, "/rules/0/then", "required"),
                bad("a branch target off the allow-list", l -> {
                    Map<String, Object> r = rule("a", stock("primary", "LOW"));
                    r.put("then", Map.of("destination", "https://evil.net/", "destinationType", "PDP"));
                    rules(l, r);
                }, "/rules/0/then/destination", "not allowed"),
                bad("a branch target without type", l -> {
                    Map<String, Object> r = rule("a", stock("primary", "LOW"));
                    r.put("then", Map.of("destination", "https://shop.example.com/x"));
                    rules(l, r);
                }, "/rules/0/then/destinationType", "required"),
                bad("a stock condition on a SKU the link lacks", l -> rules(l, rule("a", stock("OTHER-SKU", "LOW"))),
                        "/rules/0/when/stock/sku", "not one of the link's SKUs"),
                bad("a stock condition on a link without SKUs", l -> {
                    l.remove("skus");
                    rules(l, rule("a", stock("primary", "LOW")));
                }, "/rules/0/when/stock/sku", "needs the link to list SKUs"),
                bad("a stock condition with two kinds", l -> rules(l, rule("a", Map.of("stock",
                        Map.of("sku", "primary", "state", List.of("LOW"), "availableAtMost", 5)))), "/rules/0/when/stock", "exactly one"),
                bad("an empty state list", l -> rules(l, rule("a", Map.of("stock", Map.of("sku", "primary", "state", List.of())))),
                        "/rules/0/when/stock/state", "at least one"),
                bad("a negative quantity", l -> rules(l, rule("a", Map.of("stock", Map.of("sku", "primary", "availableAtMost", -1)))),
                        "/rules/0/when/stock/availableAtMost", "0 or more"),
                bad("a percentage over 100", l -> rules(l, rule("a", Map.of("stock", Map.of("sku", "primary", "percentOfBaselineAtMost", 150)))),
                        "/rules/0/when/stock/percentOfBaselineAtMost", "between 0 and 100"),
                bad("an unknown device", l -> rules(l, rule("a", Map.of("device", List.of("watch")))), "/rules/0/when/device/0", "mobile, tablet or desktop"),
                bad("an empty device list", l -> rules(l, rule("a", Map.of("device", List.of()))), "/rules/0/when/device", "must not be empty"),
                bad("a lower-case market condition", l -> rules(l, rule("a", Map.of("market", List.of("us")))), "/rules/0/when/market/0", "ISO 3166"),
                bad("a language name condition", l -> rules(l, rule("a", Map.of("language", List.of("English")))), "/rules/0/when/language/0", "ISO 639-1"),
                bad("a segment with spaces", l -> rules(l, rule("a", Map.of("segment", List.of("big spenders")))), "/rules/0/when/segment/0", "letters"),
                bad("a time window ending before it starts", l -> rules(l, rule("a", Map.of("time",
                        Map.of("from", "2026-12-06T06:00:00Z", "to", "2026-12-05T18:00:00Z")))), "/rules/0/when/time/to", "after from"),
                bad("more than 20 branches", l -> {
                    List<Map<String, Object>> many = new ArrayList<>();
                    for (int i = 0; i < 21; i++) {
                        many.add(rule("r" + i, Map.of("segment", List.of("s" + i))));
                    }
                    l.put("rules", many);
                }, "/rules", "at most 20"),
                bad("a permanent redirect", l -> l.put("redirectStatus", 301), "/redirectStatus", "302 or 307"),
                bad("a signal age in words", l -> l.put("maxSignalAge", "15 minutes"), "/maxSignalAge", "ISO-8601"),
                bad("a signal age too short", l -> l.put("maxSignalAge", "PT10S"), "/maxSignalAge", "between PT1M and PT24H"),
                bad("notes too long", l -> l.put("notes", "n".repeat(4001)), "/notes", "at most 4000"),
                bad("a list where text belongs", l -> l.put("campaign", List.of("a", "b")), "/campaign", "wrong type"),
                bad("text where a list belongs", l -> l.put("skus", "SPK-X1"), "/skus", "wrong type"),
                bad("an unknown stock state", l -> rules(l, rule("a", Map.of("stock", Map.of("sku", "primary", "state", List.of("SOLD"))))),
                        "/rules/0/when/stock/state/0", "wrong type"),
                bad("a malformed start time", l -> l.put("startsAt", "next monday"), "/startsAt", "wrong type"));
    }

    @ParameterizedTest(name = "{0} is refused at {2}")
    @MethodSource("badLinks")
    void aBadLinkIsRefusedNamingTheFieldAndNothingIsWritten(String what, Consumer<Map<String, Object>> breakIt,
                                                          String field, String reason) {
        Map<String, Object> link = valid();
        String campaign = "validation_" + Api.uniqueCode("c").replace('-', '_').toLowerCase();
        link.put("campaign", campaign);
        breakIt.accept(link);
        alice().body(link).post("/api/links").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
        alice().get("/api/links?campaign=" + campaign).then().statusCode(200).body("$", empty());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> link = valid();
        link.put("channel", "Paid Search");
        link.put("destination", "javascript:alert(1)");
        link.put("redirectStatus", 301);
        alice().body(link).post("/api/links").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("/channel", "/destination", "/redirectStatus"));
    }

    @Test
    void aTakenCodeIsAConflictOnTheCodeField() {
        String code = Api.uniqueCode("taken");
        Api.create(Api.simpleLink(code));
        alice().body(Api.simpleLink(code)).post("/api/links").then().statusCode(409)
                .body("errors[0].field", is("/code")).body("errors[0].reason", containsString("taken"));
        alice().body(Api.simpleLink(code.toUpperCase())).post("/api/links").then().statusCode(409);
    }

    @Test
    void aMissingCodeIsGeneratedAndDefaultsAreFilledIn() {
        Map<String, Object> link = valid();
        link.remove("code");
        alice().body(link).post("/api/links").then().statusCode(201)
                .body("code", org.hamcrest.Matchers.matchesPattern("[A-Za-z0-9_-]{7}"))
                .body("redirectStatus", is(302)).body("maxSignalAge", is("PT15M")).body("clickId", is(true))
                .body("team", is("marketing"));
    }

    @Test
    void aNonJsonBodyIsABadRequestNotAServerError() {
        alice().body("{\"code\": ").post("/api/links").then().statusCode(400).contentType("application/problem+json");
        alice().body("[]").post("/api/links").then().statusCode(400);
    }

    @Test
    void aBadPatchIsRefusedAndTheLinkKeepsItsVersion() {
        String id = Api.create(valid());
        alice().body(Map.of("redirectStatus", 308)).patch("/api/links/" + id).then().statusCode(400)
                .body("errors[0].field", is("/redirectStatus"));
        alice().body(Map.of("skus", "not-a-list")).patch("/api/links/" + id).then().statusCode(400)
                .body("errors[0].field", is("/skus"));
        alice().get("/api/links/" + id).then().body("version", is(1));
    }

    @Test
    void badInventoryFiltersAreBadRequests() {
        alice().get("/api/links?status=ALIVE").then().statusCode(400).body("errors[0].field", is("/status"));
        alice().get("/api/links?expiringWithin=soon").then().statusCode(400).body("errors[0].field", is("/expiringWithin"));
        alice().get("/api/links?limit=abc").then().statusCode(400).body("errors[0].field", is("/limit"));
        alice().get("/api/links?missingUtm=maybe").then().statusCode(400).body("errors[0].field", is("/missingUtm"));
    }

    private static Map<String, Object> valid() {
        Map<String, Object> link = Api.simpleLink(Api.uniqueCode("valid"));
        link.put("skus", new ArrayList<>(List.of("SPK-X1", "SPK-X2")));
        link.put("markets", new ArrayList<>(List.of("US")));
        return link;
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> breakIt, String field, String reason) {
        return Arguments.of(what, breakIt, field, reason);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> utm(Map<String, Object> link) {
        return (Map<String, Object>) link.get("utm");
    }

    @SafeVarargs
    private static void rules(Map<String, Object> link, Map<String, Object>... rules) {
        List<Map<String, Object>> list = new ArrayList<>();
        Collections.addAll(list, rules);
        link.put("rules", list);
    }

    private static Map<String, Object> rule(String label, Map<String, Object> when) {
        Map<String, Object> rule = new LinkedHashMap<>();
        if (label != null) {
            rule.put("label", label);
        }
        rule.put("when", when);
        rule.put("then", Map.of("destination", "https://shop.example.com/waitlist/{sku}", "destinationType", "WAITLIST"));
        return rule;
    }

    private static Map<String, Object> stock(String sku, String state) {
        return Map.of("stock", Map.of("sku", sku, "state", List.of(state)));
    }
}
