package dev.linkops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.infra.suite.DemoData;
import dev.linkops.infra.suite.Http;
import dev.linkops.infra.suite.ServiceModule;
import dev.linkops.infra.suite.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9's fault run: a steady click load on two redirect replicas (round robin, failing over on a
 * refused connection as a load balancer does, and sending to a replica only while it is ready) while
 * the broker is stopped and restarted, reporting-service is stopped and restarted, the registry is
 * stopped and a redirect replica restarted from its local snapshot, and a replica is killed with
 * SIGKILL while the broker is away (so it certainly dies holding clicks the broker has not confirmed).
 *
 * <p>After recovery: reporting counts exactly one click per redirect served (none lost, none doubled;
 * a request cut by the kill after it was sent may or may not have made a click, and is bounded apart),
 * no answer was a 5xx, no request went unanswered, and every redirect went where the stock said.
 *
 * <p>It stops and starts parts of the shared suite, so it runs after every other end-to-end class
 * and leaves every part running again.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class FaultIT {
    private static final String SKU = "SPK-FAULT";
    private static final String MARKET = "US";
    private static final String CAMPAIGN = "20261206_paidsearch_audio_fault_conversion";
    private static final String CODE = "spk-fault-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final Duration REQUEST_INTERVAL = Duration.ofMillis(25); // ~40 redirects a second
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(8);

    private enum Kind { PDP, WAITLIST, OTHER }

    private record Answer(long startedNanos, int replica, Kind kind, String location) {
    }

    @Test
    void underSteadyLoadNoFaultLosesOrDoublesAClickAndRoutingStaysRight(Suite suite) throws Exception {
        setUpStockAndLink(suite);
        Suite.Replica second = suite.startReplica(ServiceModule.REDIRECT);
        Load load = new Load(List.of(suite.config().serviceUrl(ServiceModule.REDIRECT), second.url()),
                suite.config().storefrontUrl());
        Thread driver = new Thread(load::run, "fault-load");
        driver.start();
        long flipStarted;
        long flipDone;
        long secondBack;
        try {
            pause(4);

            step("1. broker stopped for 6 s and started again");
            suite.stopBroker();
            pause(6);
            suite.startBroker();
            pause(4);

            step("2. reporting-service stopped for 4 s and started again");
            suite.stop(ServiceModule.REPORTING);
            pause(4);
            suite.restart(ServiceModule.REPORTING);
            pause(3);

            step("3. registry stopped; the SKU sells out; replica 1 restarted from its local snapshot");
            suite.stop(ServiceModule.REGISTRY);
            flipStarted = System.nanoTime();
            feed(suite, 20, 20); // 0 available
            flipDone = System.nanoTime();
            load.awaitEveryReplicaAnswers(Kind.WAITLIST, Duration.ofSeconds(15));
            load.outOfRotation(0);
            suite.stop(ServiceModule.REDIRECT);
            suite.restart(ServiceModule.REDIRECT); // ready means: routing state loaded
            load.inRotation(0);
            pause(4);
            suite.restart(ServiceModule.REGISTRY);

            step("4. broker away, replica 2 killed with SIGKILL holding unconfirmed clicks, both back");
            suite.stopBroker();
            pause(4);
            second.kill();
            load.outOfRotation(1);
            pause(2);
            suite.startBroker();
            second.restart();
            secondBack = System.nanoTime();
            load.inRotation(1);
            pause(5);
        } finally {
            load.stop();
            driver.join(TimeUnit.SECONDS.toMillis(30));
        }

        step("load stopped: " + load.summary());
        assertEquals(0, load.fiveXx.get(), "no answer was a 5xx: " + load.summary());
        assertEquals(0, load.unanswered.get(), "every request was answered by a replica: " + load.summary());
        assertTrue(load.answers.size() > 500, "a steady load ran through every fault: " + load.summary());
        assertTrue(load.answers.stream().anyMatch(a -> a.replica() == 1 && a.startedNanos() > secondBack),
                "replica 2 served after its restart");

        List<String> wrong = new ArrayList<>();
        long settled = flipDone + TimeUnit.SECONDS.toNanos(5); // propagation bar is 250 ms; this is a generous bound
        for (Answer a : load.answers) {
            Kind expected = a.startedNanos() < flipStarted ? Kind.PDP : a.startedNanos() > settled ? Kind.WAITLIST : null;
            if (a.kind() == Kind.OTHER || (expected != null && a.kind() != expected)) {
                wrong.add("replica " + (a.replica() + 1) + " → " + a.location());
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " redirects went where the stock did not say, e.g. "
                + wrong.subList(0, Math.min(5, wrong.size())));

        int served = load.answers.size();
        int cut = load.cut.get();
        String url = suite.config().serviceUrl(ServiceModule.REPORTING) + "/api/reports/campaigns/" + CAMPAIGN
                + "?groupBy=stockState";
        String alice = suite.tokens().of("alice");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long facts = -1;
        Map<String, Long> byState = Map.of();
        while (System.nanoTime() < deadline) {
            Http.Response r = suite.http().get(url, alice);
            if (r.status() == 200) {
                byState = clicksByState(r.json());
                facts = byState.values().stream().mapToLong(Long::longValue).sum();
                if (facts >= served) {
                    Thread.sleep(3000); // anything doubled would arrive now
                    byState = clicksByState(suite.http().get(url, alice).json());
                    facts = byState.values().stream().mapToLong(Long::longValue).sum();
                    break;
                }
            }
            Thread.sleep(1000);
        }
        step("click facts in the report " + byState + " = " + facts + " for " + served + " redirects served ("
                + cut + " requests cut mid-flight by the kill)");
        assertTrue(facts >= served, "no click lost: " + facts + " facts for " + served + " redirects served");
        assertTrue(facts <= served + cut, "no click doubled: " + facts + " facts for " + served
                + " redirects served and " + cut + " requests cut by the kill");
        long pdp = load.answers.stream().filter(a -> a.kind() == Kind.PDP).count();
        long inStock = byState.getOrDefault("IN_STOCK", 0L);
        assertTrue(inStock >= pdp && inStock <= pdp + cut,
                "the product-page redirects are the clicks that saw the SKU in stock: " + inStock + " for " + pdp);
    }

    // ---------------------------------------------------------------- the load

    /**
     * One request at a time at a fixed pace, each on a new connection (a browser's click), so the
     * outcome of every request is known: refused (never reached a replica, tried on the other one),
     * answered, or cut after it was sent (counted apart: the replica may have made its click).
     */
    private static final class Load {
        final List<URI> replicas = new ArrayList<>();
        final boolean[] rotation;
        final String shop;
        final List<Answer> answers = new CopyOnWriteArrayList<>();
        final AtomicInteger fiveXx = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        final AtomicInteger cut = new AtomicInteger();
        final AtomicInteger refusedThenFailedOver = new AtomicInteger();
        private volatile boolean running = true;
        private int next;

        Load(List<String> urls, String shop) {
            urls.forEach(u -> replicas.add(URI.create(u)));
            rotation = new boolean[urls.size()];
            java.util.Arrays.fill(rotation, true);
            this.shop = shop;
        }

        synchronized void outOfRotation(int replica) {
            rotation[replica] = false;
        }

        synchronized void inRotation(int replica) {
            rotation[replica] = true;
        }

        void stop() {
            running = false;
        }

        void run() {
            long end = System.nanoTime() + LOAD_LIMIT.toNanos();
            while (running && System.nanoTime() < end) {
                one();
                sleep(REQUEST_INTERVAL.toMillis());
            }
        }

        private void one() {
            long started = System.nanoTime();
            List<Integer> order = new ArrayList<>();
            synchronized (this) {
                for (int i = 0; i < replicas.size(); i++) {
                    int r = (next + i) % replicas.size();
                    if (rotation[r]) {
                        order.add(r);
                    }
                }
                next = (next + 1) % replicas.size();
            }
            for (int r : order) {
                try {
                    String[] answer = get(replicas.get(r), "/" + CODE + "?gclid=fault-load");
                    int status = Integer.parseInt(answer[0]);
                    if (status >= 500) {
                        fiveXx.incrementAndGet();
                    } else {
                        answers.add(new Answer(started, r, kind(status, answer[1]), answer[1]));
                    }
                    return;
                } catch (ConnectException refused) {
                    refusedThenFailedOver.incrementAndGet();
                } catch (IOException cutMidFlight) {
                    cut.incrementAndGet();
                    return;
                }
            }
            unanswered.incrementAndGet();
        }

        private Kind kind(int status, String location) {
            if (status != 302 || location == null || !location.contains("lo_cid=")) {
                return Kind.OTHER;
            }
            if (location.startsWith(shop + "/p/spk-fault?")) {
                return Kind.PDP;
            }
            return location.startsWith(shop + "/waitlist/" + SKU + "?") ? Kind.WAITLIST : Kind.OTHER;
        }

        /** Waits until the latest answer of every replica in rotation is {@code kind}. */
        void awaitEveryReplicaAnswers(Kind kind, Duration within) {
            long deadline = System.nanoTime() + within.toNanos();
            long since = System.nanoTime();
            while (System.nanoTime() < deadline) {
                Map<Integer, Kind> latest = new TreeMap<>();
                for (Answer a : answers) {
                    if (a.startedNanos() > since) {
                        latest.put(a.replica(), a.kind());
                    }
                }
                if (latest.size() == replicas.size() && latest.values().stream().allMatch(k -> k == kind)) {
                    return;
                }
                sleep(100);
            }
            fail("not every replica routes to " + kind + " within " + within.toSeconds() + " s: " + summary());
        }

        String summary() {
            Map<String, Long> kinds = new TreeMap<>();
            answers.forEach(a -> kinds.merge("replica " + (a.replica() + 1) + " " + a.kind(), 1L, Long::sum));
            return answers.size() + " redirects " + kinds + ", 5xx " + fiveXx + ", unanswered " + unanswered
                    + ", cut mid-flight " + cut + ", refused and failed over " + refusedThenFailedOver;
        }

        /** @return status and Location of a GET on a fresh connection */
        private static String[] get(URI base, String pathAndQuery) throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nUser-Agent: " + BROWSER + "\r\nAccept: text/html\r\nAccept-Language: en-US,en;q=0.9"
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(socket.getInputStream());
                String[] lines = head.split("\r\n");
                String[] statusLine = lines[0].split(" ");
                if (statusLine.length < 2) {
                    throw new IOException("no status line: " + lines[0]);
                }
                String location = null;
                for (String line : lines) {
                    if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                        location = line.substring(9).trim();
                    }
                }
                return new String[] {statusLine[1], location};
            }
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    return head.toString();
                }
                if (head.length() > 64 * 1024) {
                    throw new IOException("response head too long");
                }
            }
            throw new IOException("connection closed before the response head: " + head);
        }
    }

    // ---------------------------------------------------------------- set-up

    private static void setUpStockAndLink(Suite suite) {
        String oscar = suite.tokens().of("oscar");
        String availability = suite.config().serviceUrl(ServiceModule.AVAILABILITY);
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("market", MARKET);
        thresholds.put("lowAtMost", 25);
        thresholds.put("baseline", 400);
        thresholds.put("lowPercentOfBaseline", 5);
        thresholds.put("hysteresis", 5);
        Http.Response t = suite.http().put(availability + "/api/skus/" + SKU + "/thresholds", oscar, thresholds);
        assertTrue(t.is2xx(), "thresholds: " + t);
        feed(suite, 140, 20);

        String alice = suite.tokens().of("alice");
        String registry = suite.config().serviceUrl(ServiceModule.REGISTRY);
        Map<String, Object> link = DemoData.link(suite.config(), CODE, CAMPAIGN);
        link.put("skus", List.of(SKU));
        link.put("destination", suite.config().storefrontUrl() + "/p/spk-fault");
        Http.Response created = suite.http().post(registry + "/api/links", alice, link);
        assertEquals(201, created.status(), "alice creates the link: " + created);
        String id = created.json().path("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Http.Response preflight;
        do { // the registry hears the fed stock over the broker
            preflight = suite.http().post(registry + "/api/links/" + id + "/preflight", alice, "{}");
            sleep(300);
        } while (!preflight.json().path("ready").asBoolean(false) && System.nanoTime() < deadline);
        assertTrue(preflight.json().path("ready").asBoolean(false), "preflight: " + preflight);
        Http.Response published = suite.http().post(registry + "/api/links/" + id + "/publish", alice, "{}");
        assertEquals("LIVE", published.json().path("status").asText(), "published: " + published);
        step("link " + CODE + " LIVE for SKU " + SKU + " (in stock)");
    }

    private static void feed(Suite suite, int onHand, int reserved) {
        Instant now = Instant.now();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", SKU);
        item.put("market", MARKET);
        item.put("onHand", onHand);
        item.put("reserved", reserved);
        item.put("observedAt", now.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", "erp-fault-" + UUID.randomUUID());
        body.put("sentAt", now.toString());
        body.put("items", List.of(item));
        Http.Response r = suite.http().post(suite.config().serviceUrl(ServiceModule.AVAILABILITY) + "/api/feeds/"
                + DemoData.SOURCE, suite.tokens().of("oscar"), body);
        assertTrue(r.is2xx() && r.json().path("accepted").asInt() == 1, "feed accepted: " + r);
    }

    private static Map<String, Long> clicksByState(JsonNode report) {
        Map<String, Long> m = new TreeMap<>();
        for (JsonNode row : report.path("rows")) {
            if (row.path("clicks").asLong() > 0) {
                m.put(row.path("stockState").asText(), row.path("clicks").asLong());
            }
        }
        return m;
    }

    private static void step(String message) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " [fault-run] " + message);
        System.out.flush();
    }

    private static void pause(int seconds) {
        sleep(TimeUnit.SECONDS.toMillis(seconds));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
