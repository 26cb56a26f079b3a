package dev.linkops.infra.bench;

import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Click pipeline throughput: N shopper clicks on one link (an exact count, sent by wrk), and
 * the time until the reporting-service's link report counts every one of them. Rate = N / that time:
 * redirect, click buffer and shipper, broker, reporting's intake, facts and rollups, all in one figure.
 */
final class ClickPipeline {
    private final Suite suite;
    private final int clicks;
    private final int repeats;
    private final int connections;
    private static final Pattern DRIVEN = Pattern.compile("clicks sent (\\d+), redirected (\\d+)");

    ClickPipeline(Suite suite, int clicks, int repeats, int connections) {
        this.suite = suite;
        this.clicks = clicks;
        this.repeats = repeats;
        this.connections = connections;
    }

    List<String> run() throws Exception {
        LiveLink link = LiveLink.launch(suite, "pipe");
        String url = suite.config().serviceUrl(ServiceModule.REPORTING) + "/api/reports/links/" + link.linkId
                + "?groupBy=stockState";
        long timeoutMs = Math.max(120_000L, clicks * 20L); // 50 clicks/s would be far below any useful rate
        List<String> rows = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> driveRates = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            long before = awaitSettled(url);
            double servedBefore = redirectsServed();
            long t0 = System.nanoTime();
            Process wrk = startWrk(link);
            long deadline = t0 + timeoutMs * 1_000_000L;
            long driven = 0;
            long counted = before;
            long t1 = 0;
            // wrk always runs to its -d bound, so the clocks are the redirect's own counter and the report
            while (System.nanoTime() < deadline) {
                if (driven == 0 && redirectsServed() - servedBefore >= clicks) {
                    driven = System.nanoTime();
                }
                counted = reported(url);
                if (counted >= before + clicks) {
                    t1 = System.nanoTime();
                    break;
                }
                if (!wrk.isAlive() && redirectsServed() - servedBefore < clicks) {
                    break; // wrk gave up before every click was answered: no complete run
                }
                LiveLink.sleep(50);
            }
            long notRedirected = clicks - finishWrk(wrk);
            boolean complete = t1 != 0 && notRedirected == 0;
            double driveS = driven == 0 ? Double.NaN : (driven - t0) / 1e9;
            double totalS = complete ? (t1 - t0) / 1e9 : (System.nanoTime() - t0) / 1e9;
            String result;
            if (complete) {
                double rate = clicks / totalS;
                rates.add(rate);
                if (driven != 0) {
                    driveRates.add(clicks / driveS);
                }
                result = Stats.num(rate) + " clicks/s";
            } else {
                result = "INCOMPLETE: " + (counted - before) + " of " + clicks + " counted after "
                        + String.format(java.util.Locale.ROOT, "%.1f", totalS) + " s";
            }
            SuiteBench.log("pipeline run %d: %d clicks served in %.2f s, counted in %.2f s: %s", r, clicks, driveS,
                    totalS, result);
            rows.add("| " + r + " | " + clicks + " | " + String.format(java.util.Locale.ROOT, "%.2f", driveS) + " | "
                    + String.format(java.util.Locale.ROOT, "%.2f", totalS) + " | " + result + " | "
                    + (notRedirected == 0 ? "" : notRedirected + " requests not answered 302") + " |");
        }
        Stats rate = new Stats(rates);
        SuiteBench.summary("pipeline " + Stats.num(rate.median()) + " clicks/s"
                + (rate.count() < repeats ? " (" + (repeats - rate.count()) + " incomplete runs)" : ""));
        List<String> md = new ArrayList<>();
        md.add("### Click pipeline: redirect → broker → reporting (clicks counted by the link report)");
        md.add("");
        md.add("Link `" + link.code + "`: exactly " + clicks + " clicks per run, sent by wrk (1 thread, " + connections
                + " connections, bench/clicks.lua, browser user agent so none is a bot); the redirect's own counter "
                + "(`/q/metrics`) and the link report (`GET /api/reports/links/{id}`, rollup) polled every 50 ms "
                + "until they count them all.");
        md.add("");
        md.add("| run | clicks | all served after s | all counted after s | rate | notes |");
        md.add("|---|---|---|---|---|---|");
        md.addAll(rows);
        md.add("");
        md.add("**Median pipeline rate: " + Stats.num(rate.median()) + " clicks/s** over " + rate.count() + " complete "
                + "run(s) of " + repeats + " (the client alone drove a median " + Stats.num(new Stats(driveRates).median())
                + " clicks/s, so the pipeline rate cannot exceed that here); both clocks start when wrk is started.");
        return md;
    }

    /**
     * Starts wrk with bench/clicks.lua: exactly {@code clicks} clicks on one thread and {@code connections}
     * connections, then only health checks until its -d bound ends it.
     */
    private Process startWrk(LiveLink link) throws Exception {
        Path script = suite.config().repoRoot().resolve("bench/clicks.lua");
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + wrkBoundS() + "s", "-s",
                script.toString(), suite.config().serviceUrl(ServiceModule.REDIRECT)).redirectErrorStream(true);
        pb.environment().put("BENCH_CODE", link.code);
        pb.environment().put("BENCH_CLICKS", String.valueOf(clicks));
        return pb.start();
    }

    private long wrkBoundS() {
        return Math.max(20, clicks / 200);
    }

    /** Waits for wrk's bound; returns how many clicks it saw answered with a redirect. */
    private long finishWrk(Process wrk) throws Exception {
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(wrkBoundS() + 30, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not stop after " + wrkBoundS() + " s");
        }
        Matcher m = DRIVEN.matcher(output);
        if (wrk.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "): " + output);
        }
        return Long.parseLong(m.group(2));
    }

    /** Every redirect the redirect-service has served so far, from its Prometheus counters. */
    private double redirectsServed() {
        Http.Response r = suite.http().get(suite.config().serviceUrl(ServiceModule.REDIRECT) + "/q/metrics", null);
        double total = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("linkops_redirect_redirects_total{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /** The link's click count once it has stopped moving (clicks of the launch or an earlier run still arriving). */
    private long awaitSettled(String url) {
        long last = -1;
        for (int i = 0; i < 600; i++) {
            long now = reported(url);
            if (now == last) {
                return now;
            }
            last = now;
            LiveLink.sleep(1000);
        }
        throw new IllegalStateException("the link's click count kept moving for 10 minutes");
    }

    private long reported(String url) {
        Http.Response r = suite.http().get(url, suite.tokens().of("ana"));
        if (r.status() != 200) {
            throw new IllegalStateException("link report: " + r);
        }
        return r.json().path("totals").path("clicks").asLong();
    }
}
