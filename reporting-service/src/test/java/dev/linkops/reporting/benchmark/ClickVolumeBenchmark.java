package dev.linkops.reporting.benchmark;

import dev.linkops.contracts.events.v1.Addresses;
import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.reporting.domain.clicks.ClickPartitions;
import dev.linkops.reporting.persistence.Sql;
import dev.linkops.reporting.support.Fixtures;
import dev.linkops.reporting.support.Intake;
import dev.linkops.reporting.support.Tokens;
import dev.linkops.reporting.support.Waits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/**
 * Not a test: a measurement (excluded from the normal build by its tag). Run with
 * {@code mvn -q install -pl reporting-service -Dtest=ClickVolumeBenchmark -Dlinkops.bench.exclude=none}
 * and optionally {@code -Dlinkops.bench.clicks=10000000 -Dlinkops.bench.intake=100000}.
 * <ol>
 * <li>intake: clicks published to the real broker and stored by the real consumer + batch writer;</li>
 * <li>volume: click facts bulk-loaded by SQL (with click_seen keys and rollups) up to the target size;</li>
 * <li>latency of the campaign report by stock state and branch over the whole volume (rollup) and over
 * one partial day (facts).</li>
 * </ol>
 * Figures go to stdout and target/benchmark.txt.
 */
@QuarkusTest
@Tag("benchmark")
class ClickVolumeBenchmark {
    private static final String CAMPAIGN = "bench-volume";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-01");
    private static final int DAYS = 30;
    private static final int LINKS = 50;

    @Inject
    Intake intake;
    @Inject
    Sql sql;
    @Inject
    ClickPartitions partitions;
    @Inject
    @Channel("test-out")
    Emitter<JsonObject> emitter;

    private final List<String> lines = new ArrayList<>();

    @Test
    void measureIntakeVolumeAndReportLatency() throws Exception {
        long target = Long.getLong("linkops.bench.clicks", 10_000_000L);
        int viaBroker = Integer.getInteger("linkops.bench.intake", 100_000);

        List<LinkPublished> links = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            links.add(intake.link(CAMPAIGN, i % 2 == 0 ? "paid_search" : "email", "BENCH-" + i));
        }

        // 1. the real intake path
        partitions.ensure(FIRST_DAY);
        Semaphore inFlight = new Semaphore(100);
        long start = System.nanoTime();
        StockState[] states = StockState.values();
        for (int i = 0; i < viaBroker; i++) {
            ClickRecorded c = Fixtures.click(UUID.randomUUID(), links.get(i % LINKS), states[i % states.length],
                    "default", i % 3 == 0 ? "desktop" : "mobile", "US", i % 20 == 0,
                    FIRST_DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusMillis(i));
            inFlight.acquire();
            emitter.send(Message.of(new JsonObject(EventCodec.encode(EventCodec.wrap(c, "bench"))),
                    Metadata.of(OutgoingAmqpMetadata.builder().withAddress(Addresses.CLICKS).withDurable(true).build()),
                    () -> {
                        inFlight.release();
                        return CompletableFuture.completedFuture(null);
                    },
                    f -> {
                        inFlight.release();
                        return CompletableFuture.completedFuture(null);
                    }));
        }
        long sentNanos = System.nanoTime() - start;
        Waits.until("all broker clicks stored", Duration.ofMinutes(30),
                () -> count("SELECT count(*) FROM click_seen") >= viaBroker);
        double seconds = (System.nanoTime() - start) / 1e9;
        log("intake via broker: %,d clicks in %.1f s = %,.0f clicks/s (publishing alone took %.1f s, same JVM)",
                viaBroker, seconds, viaBroker / seconds, sentNanos / 1e9);

        // 2. bulk volume
        long toLoad = Math.max(0, target - viaBroker);
        long perDay = toLoad / DAYS;
        String[] linkIds = links.stream().map(l -> l.linkId().toString()).toArray(String[]::new);
        start = System.nanoTime();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            partitions.ensure(day);
            long rows = d == DAYS - 1 ? toLoad - perDay * (DAYS - 1) : perDay;
            for (long offset = 0; offset < rows; offset += 500_000) {
                long first = offset;
                long last = offset + Math.min(500_000, rows - offset) - 1;
                QuarkusTransaction.requiringNew().timeout(3600).run(() -> sql.update("""
                        WITH ins AS (
                          INSERT INTO click_fact (click_id, at, code, link_id, link_version, outcome, branch,
                              destination_type, sku, stock_state, available, signal_age_ms, market, device, language,
                              referrer_host, bot, received_at)
                          SELECT gen_random_uuid(), ?::date + (g % 86400) * interval '1 second', 'bench',
                              (?::text[])[1 + g % 50]::uuid, 1, 'ROUTED',
                              CASE WHEN s = 'OUT_OF_STOCK' THEN 'sold-out' WHEN s = 'LOW' THEN 'low-stock' ELSE 'default' END,
                              'PDP', 'BENCH', s, 10, 1000, (ARRAY['US','CA','GB','DE'])[1 + g % 4],
                              (ARRAY['mobile','desktop','tablet'])[1 + g % 3], 'en', 'google.com', g % 20 = 0, now()
                          FROM (SELECT g, (ARRAY['IN_STOCK','IN_STOCK','IN_STOCK','LOW','OUT_OF_STOCK','BACKORDER','UNKNOWN'])[1 + (g * 7919) % 7] AS s
                                FROM generate_series(?::bigint, ?::bigint) g) x
                          RETURNING click_id, at)
                        INSERT INTO click_seen (click_id, at) SELECT click_id, at FROM ins
                        """, day, linkIds, first, last));
            }
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> sql.update("""
                    INSERT INTO click_rollup (day, link_id, link_version, branch, stock_state, market, device, bot, clicks)
                    SELECT ?::date, link_id, link_version, branch, stock_state, market, device, bot, count(*)
                    FROM %s WHERE code = 'bench' GROUP BY 2, 3, 4, 5, 6, 7, 8
                    ON CONFLICT (day, link_id, link_version, branch, stock_state, market, device, bot)
                    DO UPDATE SET clicks = click_rollup.clicks + EXCLUDED.clicks
                    """.formatted(ClickPartitions.partitionName(day)), day));
        }
        seconds = (System.nanoTime() - start) / 1e9;
        log("bulk load (SQL generate_series, facts + keys + rollups): %,d clicks in %.1f s = %,.0f clicks/s",
                toLoad, seconds, toLoad / seconds);
        sql.update("ANALYZE");
        log("click facts stored: %,d in %d daily partitions; rollup rows: %,d", count("SELECT count(*) FROM click_fact"),
                partitions.partitions().size(), count("SELECT count(*) FROM click_rollup"));

        // 3. report latency
        String token = Tokens.of("analytics");
        String to = FIRST_DAY.plusDays(DAYS - 1).toString();
        report(token, "rollup, 30 days, groupBy=stockState,branch", FIRST_DAY + "", to, "stockState,branch");
        report(token, "rollup, 30 days, groupBy=stockState,branch,market,device", FIRST_DAY + "", to,
                "stockState,branch,market,device");
        report(token, "facts, one partial day, groupBy=stockState,branch", FIRST_DAY.plusDays(3) + "T00:00:01Z",
                FIRST_DAY.plusDays(3) + "T23:00:00Z", "stockState,branch");
        Files.write(Path.of("target", "benchmark.txt"), lines);
    }

    private void report(String token, String what, String from, String to, String groupBy) {
        long[] ms = new long[11];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).queryParam("groupBy", groupBy)
                    .get("/api/reports/campaigns/{c}", CAMPAIGN).then().statusCode(200);
            ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        }
        long first = ms[0];
        long[] warm = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(warm);
        log("campaign report (%s): first %d ms, median %d ms, max %d ms over %d warm runs", what, first,
                warm[warm.length / 2], warm[warm.length - 1], warm.length);
    }

    private long count(String query) {
        return sql.one(query, rs -> rs.getLong(1));
    }

    private void log(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(Instant.now() + " " + line);
        System.out.println("BENCHMARK " + line);
    }
}
