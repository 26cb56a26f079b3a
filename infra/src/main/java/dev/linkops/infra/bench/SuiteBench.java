package dev.linkops.infra.bench;

import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import dev.linkops.infra.suite.SuiteConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite half of {@code bench/run.sh}: starts the whole suite on bench ports from a fresh data folder,
 * measures propagation (feed → redirect), the click pipeline (redirect → report) and report latency over a
 * bulk-loaded click volume, writes a Markdown section, and stops every process it started.
 *
 * <p>Usage: {@code java -cp infra/target/infra-*.jar:infra/target/lib/* dev.linkops.infra.bench.SuiteBench OUT.md SUMMARY.txt}
 * (the headline figures are appended to SUMMARY.txt, one line, for the results index).
 * Knobs are environment variables (see bench/README.md); ports are the bench defaults below unless a
 * {@code LINKOPS_PORT_<NAME>} variable says otherwise.
 */
public final class SuiteBench {
    /** Headline figures of the sections, for the one-line entry of the results index. */
    private static final List<String> SUMMARY = new ArrayList<>();

    private SuiteBench() {
    }

    static void summary(String headline) {
        SUMMARY.add(headline);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SuiteBench OUTPUT.md SUMMARY.txt");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        Path summaryFile = Path.of(args[1]).toAbsolutePath();
        Path root = SuiteConfig.findRepoRoot();
        Path data = Path.of(env("BENCH_SUITE_DATA", "/tmp/linkops-bench-suite")).toAbsolutePath();
        Suite.wipe(data);
        SuiteConfig config = benchPorts(SuiteConfig.local(root, data)).withOverrides()
                .withDemoData(false)
                .withServiceHeap(env("BENCH_SERVICE_HEAP", "512m"))
                .withKeycloakTimeout(Duration.ofMinutes(8))
                .withServicesTimeout(Duration.ofMinutes(8));

        List<String> md = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Suite suite = Suite.start(config)) {
            log("suite up after %d s", (System.nanoTime() - t0) / 1_000_000_000L);
            md.add("Suite: five service JVMs (-Xmx" + config.serviceHeap() + ", default JIT and GC), Keycloak, embedded "
                    + "PostgreSQL, Artemis and SMTP on one machine, started fresh in " + (System.nanoTime() - t0) / 1_000_000_000L
                    + " s; one redirect replica (the propagation part starts more, see there).");
            md.add("");
            run(md, "propagation", () -> new Propagation(suite, intEnv("BENCH_PROPAGATION_UPDATES", 200),
                    intEnv("BENCH_PROPAGATION_REPLICAS", 2)).run());
            run(md, "click pipeline", () -> new ClickPipeline(suite, intEnv("BENCH_PIPELINE_CLICKS", 20_000),
                    intEnv("BENCH_PIPELINE_REPEATS", 3), intEnv("BENCH_PIPELINE_CONNECTIONS", 32)).run());
            run(md, "report volume", () -> new ReportVolume(suite, longEnv("BENCH_REPORT_CLICKS", 10_000_000L),
                    intEnv("BENCH_REPORT_CALLS", 20), Duration.ofMinutes(intEnv("BENCH_LOAD_MAX_MINUTES", 60))).run());
        } catch (Exception e) {
            md.add("**The suite did not start or broke down:** " + oneLine(e));
            Files.write(out, md, StandardCharsets.UTF_8);
            throw e;
        }
        Files.write(out, md, StandardCharsets.UTF_8);
        Files.writeString(summaryFile, String.join(", ", SUMMARY) + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        log("wrote %s", out);
    }

    /** Bench ports: away from the DESIGN §1 ports of a local demo and from the redirect bench's 18080/18090. */
    private static SuiteConfig benchPorts(SuiteConfig c) {
        return c.withPort(ServiceModule.REDIRECT, 28080)
                .withPort(ServiceModule.REGISTRY, 28081)
                .withPort(ServiceModule.AVAILABILITY, 28082)
                .withPort(ServiceModule.ALERTING, 28083)
                .withPort(ServiceModule.REPORTING, 28084)
                .withKeycloakPort(28180)
                .withAmqpPort(25672)
                .withPostgresPort(25432)
                .withStorefrontPort(28090)
                .withSmtpPort(22525);
    }

    /** One measurement; its failure is written into the results instead of ending the others. */
    interface Section {
        List<String> run() throws Exception;
    }

    private static void run(List<String> md, String name, Section section) {
        long t0 = System.nanoTime();
        log("%s: start", name);
        try {
            md.addAll(section.run());
        } catch (Exception | AssertionError e) {
            log("%s FAILED: %s", name, e);
            e.printStackTrace(System.out);
            md.add("### " + name);
            md.add("");
            md.add("**FAILED:** " + oneLine(e));
            summary(name + " FAILED");
        }
        md.add("");
        log("%s: done in %d s", name, (System.nanoTime() - t0) / 1_000_000_000L);
    }

    static String oneLine(Throwable e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + ": " + (m.length() > 600 ? m.substring(0, 600) + "…" : m);
    }

    static void log(String format, Object... args) {
        System.out.println(java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + " [bench] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    static long longEnv(String name, long fallback) {
        return Long.parseLong(env(name, String.valueOf(fallback)));
    }
}
