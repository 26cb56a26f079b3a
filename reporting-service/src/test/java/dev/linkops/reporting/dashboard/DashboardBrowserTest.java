package dev.linkops.reporting.dashboard;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.reporting.support.Fixtures;
import dev.linkops.reporting.support.Intake;
import dev.linkops.reporting.support.Tokens;
import dev.linkops.reporting.support.Waits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loads the dashboard in a real headless Chromium (Debian package {@code chromium}) against this
 * running app, with a real signed token handed in the URL fragment, and checks the charts were drawn.
 * Skipped only when -Dlinkops.browser-tests=false; a missing browser fails with how to install it.
 */
@QuarkusTest
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("linkops.chromium", "/usr/bin/chromium"));
    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    @Inject
    Intake intake;

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    @Test
    void theDashboardServesItsPageScriptsAndChartLibrary() {
        given().get("/dashboard/index.html").then().statusCode(200).body(containsString("chart-timeline"));
        given().get("/dashboard/auth.js").then().statusCode(200).body(containsString("code_challenge_method"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/api/dashboard/config").then().statusCode(200).body("clientId", equalTo("linkops-console"));
    }

    @Test
    void chromiumDrawsTheStockChartsFunnelAndOpsViewAndSavesAScreenshot() throws Exception {
        Assumptions.assumeFalse("false".equals(System.getProperty("linkops.browser-tests")), "browser tests off");
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium");
        String campaign = seed();

        String url = page + "#token=" + Tokens.of("marketing") + "&campaign=" + URLEncoder.encode(campaign,
                StandardCharsets.UTF_8) + "&from=2026-11-23&to=2026-11-23";
        String dom = chromium("--dump-dom", url);
        assertTrue(dom.contains("data-ready=\"true\""), "page did not finish: " + excerpt(dom));
        for (String chart : List.of("chart-timeline", "chart-funnel", "chart-ops")) {
            Matcher m = Pattern.compile("<div id=\"" + chart + "\"[^>]*>(.*?)</section>", Pattern.DOTALL).matcher(dom);
            assertTrue(m.find(), chart + " missing");
            assertTrue(m.group(0).contains("data-drawn=\"true\""), chart + " not drawn: " + m.group(0));
            assertTrue(m.group(1).contains("<canvas"), chart + " has no canvas");
        }
        assertTrue(dom.contains("12 clicks"), "status line should count the seeded clicks: " + excerpt(dom));

        Path shot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, url);
        assertTrue(Files.size(shot) > 10_000, "screenshot too small to show charts");
    }

    @Test
    void withoutATokenThePageAsksToSignIn() throws Exception {
        Assumptions.assumeFalse("false".equals(System.getProperty("linkops.browser-tests")), "browser tests off");
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium");
        String dom = chromium("--dump-dom", page.toString());
        assertTrue(dom.contains("data-ready=\"signed-out\""), excerpt(dom));
        assertTrue(Pattern.compile("<button id=\"signin\">").matcher(dom).find(), "sign-in button shown");
    }

    private String seed() {
        String campaign = "dash-" + UUID.randomUUID();
        LinkPublished link = intake.link(campaign, "paid_search", "SPK-D1");
        List<ClickRecorded> clicks = new ArrayList<>();
        StockState[] states = {StockState.IN_STOCK, StockState.IN_STOCK, StockState.LOW, StockState.OUT_OF_STOCK};
        for (int i = 0; i < 12; i++) {
            StockState s = states[Math.min(i / 3, 3)];
            clicks.add(Fixtures.click(UUID.randomUUID(), link, s, s == StockState.OUT_OF_STOCK ? "sold-out" : "default",
                    "mobile", "US", false, T.plus(Duration.ofMinutes(25L * i))));
        }
        intake.clicks(clicks.toArray(ClickRecorded[]::new));
        intake.send(Addresses.AVAILABILITY, Fixtures.stock("SPK-D1", StockState.OUT_OF_STOCK, StockState.LOW, 11,
                T.plus(Duration.ofMinutes(220)), Duration.ofSeconds(2)));
        intake.send(Addresses.ALERTS, Fixtures.alert(link.linkId(), "SPK-D1", T.plus(Duration.ofMinutes(230))));
        given().auth().oauth2(Tokens.of("service")).contentType(ContentType.JSON).body(List.of(
                Map.of("clickId", clicks.get(0).clickId().toString(), "type", "add_to_cart", "at", T.plusSeconds(60).toString()),
                Map.of("clickId", clicks.get(0).clickId().toString(), "type", "purchase", "revenue", 99.0,
                        "currency", "USD", "at", T.plusSeconds(120).toString()),
                Map.of("clickId", clicks.get(10).clickId().toString(), "type", "waitlist_signup",
                        "at", T.plus(Duration.ofMinutes(251)).toString())))
                .post("/api/events").then().statusCode(200);
        Waits.until("transition stored", Intake.WAIT, () -> intake.count(
                "SELECT count(*) FROM availability_transition WHERE sku = 'SPK-D1'") == 1);
        return campaign;
    }

    private static String chromium(String mode, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("linkops-chromium");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=1400,1300", "--virtual-time-budget=20000", mode, url);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err));
        return Files.readString(out);
    }

    private static String excerpt(String dom) {
        int at = dom.indexOf("<body");
        return at < 0 ? dom : dom.substring(at, Math.min(dom.length(), at + 1500));
    }
}
