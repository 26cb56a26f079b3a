package dev.linkops.availability.bench;

import dev.linkops.availability.BrokerProbe;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.EventCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static dev.linkops.availability.TestApi.registerSource;
import static dev.linkops.availability.TestApi.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a measurement, run on demand with {@code mvn install -pl availability-service -Dbench=true
 * -Dtest=IngestBenchmark}. Ingests one 10,000-item batch over HTTP (real PostgreSQL, real broker) and
 * writes items/s of the intake and the time until the last AvailabilityChanged is received from the
 * broker to target/bench/ingest.txt.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IngestBenchmark {
    private static final int ITEMS = 10_000;

    @ConfigProperty(name = "linkops.availability.coalesce-window")
    Duration window;

    @Test
    void ingestTenThousandItems() throws Exception {
        registerSource("bench-warm", "PT15M", "ZW");
        registerSource("bench", "PT15M", "ZB");
        run("bench-warm", "ZW", 2_000); // JIT, connection pool and broker link warm-up
        Result r = run("bench", "ZB", ITEMS);
        String report = String.format("""
                        availability-service ingest benchmark (%s)
                        items in batch:                      %d
                        HTTP intake (POST until 200):        %d ms  -> %.0f items/s
                        until last AvailabilityChanged received from the broker: %d ms (from request start)
                        events received for the batch:       %d
                        coalesce window:                     %d ms
                        machine: %d cores visible to the JVM, shared with the rest of the team
                        """, Instant.now(), ITEMS, r.intakeMs, ITEMS * 1000.0 / r.intakeMs, r.lastEventMs, r.events,
                window.toMillis(), Runtime.getRuntime().availableProcessors());
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ingest.txt"), report);
        System.out.println(report);
        assertEquals(ITEMS, r.events);
    }

    private record Result(long intakeMs, long lastEventMs, int events) {
    }

    private Result run(String source, String market, int n) throws Exception {
        String observed = Instant.now().minusSeconds(30).toString();
        StringBuilder body = new StringBuilder(n * 110).append("{\"batchId\":\"").append(source).append("-")
                .append(System.nanoTime()).append("\",\"items\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"sku\":\"").append(market).append("-SKU-").append(i).append("\",\"market\":\"").append(market)
                    .append("\",\"onHand\":").append(i % 50).append(",\"reserved\":0,\"observedAt\":\"").append(observed)
                    .append("\"}");
        }
        body.append("]}");
        String json = body.toString();
        String auth = token("service");
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        given().auth().oauth2(auth).contentType(ContentType.JSON).body(json).post("/api/feeds/" + source)
                .then().statusCode(200);
        long intakeMs = (System.nanoTime() - t0) / 1_000_000;
        Instant deadline = Instant.now().plusSeconds(300);
        Set<String> seen = new HashSet<>();
        Instant last = null;
        int scanned = 0;
        while (seen.size() < n && Instant.now().isBefore(deadline)) {
            var all = BrokerProbe.all();
            for (int i = scanned; i < all.size(); i++) {
                var r = all.get(i);
                if ("AvailabilityChanged".equals(r.envelope().type())) {
                    AvailabilityChanged a = EventCodec.payload(r.envelope(), AvailabilityChanged.class);
                    if (a.market().equals(market) && seen.add(a.sku())) {
                        last = r.at();
                    }
                }
            }
            scanned = all.size();
            Thread.sleep(50);
        }
        long lastMs = last == null ? -1 : Duration.between(start, last).toMillis();
        return new Result(intakeMs, lastMs, seen.size());
    }
}
