package dev.linkops.infra.suite;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.linkops.infra.EmbeddedBroker;
import dev.linkops.infra.EmbeddedPostgresServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The whole LinkOps suite on one machine without a container engine: embedded PostgreSQL and Artemis and
 * an SMTP server (GreenMail) in this JVM; Keycloak, and the five services as separate JVM processes, as in
 * production; the demo storefront. Used by the local run command ({@link LocalSuite}) and by the
 * end-to-end tier. State lives in one data folder; {@link #close()} stops every process it started.
 */
public final class Suite implements AutoCloseable {
    private static final String DATA_MARKER = ".linkops-data";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SuiteConfig config;
    private final Http http = new Http();
    private final Tokens tokens;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guards starting a process against a concurrent close() (Ctrl-C while the suite is still starting). */
    private final Object processes = new Object();
    private final Map<ServiceModule, ManagedProcess> services = new EnumMap<>(ServiceModule.class);
    /** Extra instances started by {@link #startReplica}, by name. */
    private final Map<String, Replica> replicas = new java.util.LinkedHashMap<>();
    private final List<ServiceModule> missing = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedBroker broker;
    private GreenMail mail;
    private DemoStorefront storefront;
    private ManagedProcess keycloak;
    private DemoData.Result demo;
    private Thread shutdownHook;

    private Suite(SuiteConfig config) {
        this.config = config;
        this.tokens = new Tokens(config.realmUrl(), http);
    }

    /** Starts everything and waits until every service is ready; on failure stops what it started. */
    public static Suite start(SuiteConfig config) throws Exception {
        Suite suite = new Suite(config);
        suite.shutdownHook = new Thread(suite::close, "linkops-suite-stop");
        Runtime.getRuntime().addShutdownHook(suite.shutdownHook);
        try {
            suite.boot();
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        long t0 = System.nanoTime();
        Path data = prepareDataDir(config.dataDir());
        List<String> killed = ManagedProcess.killLeftovers(data.resolve("run"));
        if (!killed.isEmpty()) {
            log("removed processes left over by an earlier run: " + killed);
        }
        stopStalePostgres(data.resolve("postgres"));
        for (ServiceModule s : ServiceModule.values()) {
            Path jar = serviceJar(s);
            if (Files.isRegularFile(jar)) {
                continue;
            }
            if (config.requireAllServices()) {
                throw new IllegalStateException(s.module() + " is not built (" + jar
                        + " missing): run mvn -DskipTests install at the checkout root first");
            } else {
                missing.add(s);
                log("WARNING " + s.module() + " is not built (" + jar + " missing); running without it");
            }
        }

        checkPortsFree();
        log("starting Keycloak " + SuiteConfig.KEYCLOAK_VERSION + " on " + config.keycloakUrl());
        synchronized (processes) {
            ensureNotClosed();
            keycloak = KeycloakServer.start(config);
        }

        postgres = EmbeddedPostgresServer.start(config.postgresPort(), data.resolve("postgres"));
        List<String> databases = new ArrayList<>();
        for (ServiceModule s : ServiceModule.values()) {
            if (s.database() != null) {
                databases.add(s.database());
            }
        }
        postgres.ensureDatabases(databases);
        log("PostgreSQL on port " + postgres.port() + " with databases " + databases);
        broker = EmbeddedBroker.start(config.amqpPort(), data.resolve("broker"));
        log("Artemis (AMQP 1.0) on port " + config.amqpPort());
        mail = new GreenMail(new ServerSetup(config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        log("SMTP (GreenMail) on port " + config.smtpPort());
        storefront = DemoStorefront.start(config.storefrontPort());
        log("demo storefront on " + storefront.baseUrl());

        // each service runs from its own copy of target/quarkus-app: a rebuild while the suite runs must not
        // pull jars from under a running JVM (Quarkus's class loader then hangs on the missing jar)
        for (ServiceModule s : ServiceModule.values()) {
            if (!missing.contains(s)) {
                stageApplication(s);
            }
        }

        KeycloakServer.awaitReady(keycloak, config, http);
        log("Keycloak ready after " + seconds(t0) + " s");

        for (ServiceModule s : ServiceModule.values()) {
            if (!missing.contains(s)) {
                synchronized (processes) {
                    ensureNotClosed();
                    services.put(s, startService(s));
                }
            }
        }
        awaitServicesReady();
        log("all services ready after " + seconds(t0) + " s");
        if (config.loadDemoData()) {
            demo = new DemoData(config, http, tokens).load();
        }
    }

    private ManagedProcess startService(ServiceModule s) throws IOException {
        return startInstance(s, s.module(), config.port(s));
    }

    /** One JVM of service {@code s}; {@code name} is its log, pid and work folder (its local files). */
    private ManagedProcess startInstance(ServiceModule s, String name, int port) throws IOException {
        Path work = config.dataDir().resolve("services").resolve(name).toAbsolutePath();
        Files.createDirectories(work);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        }
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(config.amqpPort()));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.realmUrl());
        env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", config.realmUrl());
        env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", SuiteConfig.API_CLIENT_ID);
        env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", SuiteConfig.API_CLIENT_SECRET);
        switch (s) {
            case REGISTRY:
                env.put("LINKOPS_REGISTRY_ALLOWED_HOSTS", "localhost,127.0.0.1");
                env.put("LINKOPS_REGISTRY_REQUIRE_HTTPS", "false");
                break;
            case REDIRECT:
                env.put("LINKOPS_REDIRECT_REGISTRY_URL", config.serviceUrl(ServiceModule.REGISTRY));
                env.put("LINKOPS_REDIRECT_AVAILABILITY_URL", config.serviceUrl(ServiceModule.AVAILABILITY));
                env.put("LINKOPS_REDIRECT_SNAPSHOT_FILE", work.resolve("redirect-snapshot.json").toString());
                env.put("LINKOPS_REDIRECT_CLICKS_JOURNAL_FILE", work.resolve("redirect-clicks.journal").toString());
                env.put("LINKOPS_REDIRECT_GLOBAL_FALLBACK_URL", config.storefrontUrl() + "/");
                // shared by the replicas: a visitor is one unique click whichever replica answers
                env.put("LINKOPS_REDIRECT_VISITOR_SECRET", "linkops-local-visitor-secret");
                break;
            case ALERTING:
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", String.valueOf(config.smtpPort()));
                env.put("QUARKUS_MAILER_MOCK", "false");
                env.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", config.keycloakUrl());
                env.put("LINKOPS_ALERTING_REGISTRY_URL", config.serviceUrl(ServiceModule.REGISTRY));
                env.put("LINKOPS_ALERTING_AVAILABILITY_URL", config.serviceUrl(ServiceModule.AVAILABILITY));
                // the demo storefront is on loopback; production keeps private addresses refused
                env.put("LINKOPS_ALERTING_AUDIT_ALLOWED_HOSTS", "localhost,127.0.0.1");
                env.put("LINKOPS_ALERTING_AUDIT_ALLOW_PRIVATE_ADDRESSES", "true");
                break;
            default:
                break;
        }
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + config.serviceHeap()));
        cmd.addAll(config.serviceJvmOptions());
        Path app = config.dataDir().resolve("services").resolve(s.module()).resolve("app/quarkus-run.jar").toAbsolutePath();
        cmd.addAll(List.of("-jar", app.toString()));
        log("starting " + name + " on http://localhost:" + port);
        return ManagedProcess.start(name, cmd, env, work, config.dataDir().resolve("logs/" + name + ".log"),
                config.dataDir().resolve("run"));
    }

    // ---------------------------------------------------------------- faults (the fault tier drives these)

    /** A second instance of a service on a port of its own, with its own local files; waits until it is ready. */
    public Replica startReplica(ServiceModule s) throws Exception {
        String name = s.module() + "-" + (replicas.size() + 2);
        int port = dev.linkops.infra.FreePort.pick();
        Replica replica = new Replica(s, name, port);
        synchronized (processes) {
            ensureNotClosed();
            replica.process = startInstance(s, name, port);
            replicas.put(name, replica);
        }
        awaitReady(name, replica.process, port, config.servicesTimeout());
        return replica;
    }

    /** Stops a service the way an orchestrator does (TERM, then KILL after a grace period). */
    public void stop(ServiceModule s) {
        log("stopping " + s.module());
        services.get(s).stop(Duration.ofSeconds(20));
    }

    /** kill -9: no shutdown hook runs, nothing is flushed by the process. */
    public void kill(ServiceModule s) {
        log("killing " + s.module() + " (SIGKILL)");
        services.get(s).kill();
    }

    /** Starts a stopped or killed service again on its port with its local files, and waits until it is ready. */
    public void restart(ServiceModule s) throws Exception {
        ManagedProcess old = services.get(s);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(s.module() + " is still running");
        }
        ManagedProcess started;
        synchronized (processes) {
            ensureNotClosed();
            started = startService(s);
            services.put(s, started);
        }
        awaitReady(s.module(), started, config.port(s), config.servicesTimeout());
    }

    /** Stops the AMQP broker; its persistent journal keeps what it held. */
    public void stopBroker() throws Exception {
        log("stopping the broker");
        broker.close();
    }

    /** Starts the broker again on the same port and journal. */
    public void startBroker() throws Exception {
        broker = EmbeddedBroker.start(config.amqpPort(), config.dataDir().resolve("broker"));
        log("broker started again on port " + config.amqpPort());
    }

    private void awaitReady(String name, ManagedProcess p, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not listening yet";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + p.exitValue() + "; see " + p.logFile()
                        + "\n" + p.logTail(40));
            }
            try {
                Http.Response r = http.get("http://127.0.0.1:" + port + "/q/health/ready", null);
                last = r.toString();
                if (r.status() == 200 && "UP".equals(r.json().path("status").asText())) {
                    log(name + " ready");
                    return;
                }
            } catch (RuntimeException notListening) {
                last = "not listening yet";
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s (last /q/health/ready: "
                + last + "); see " + p.logFile());
    }

    /** An extra instance of a service (see {@link #startReplica}). */
    public final class Replica {
        private final ServiceModule service;
        private final String name;
        private final int port;
        private ManagedProcess process;

        private Replica(ServiceModule service, String name, int port) {
            this.service = service;
            this.name = name;
            this.port = port;
        }

        public String name() { return name; }
        public int port() { return port; }
        public String url() { return "http://localhost:" + port; }
        public boolean isAlive() { return process.isAlive(); }

        public void stop() {
            log("stopping " + name);
            process.stop(Duration.ofSeconds(20));
        }

        public void kill() {
            log("killing " + name + " (SIGKILL)");
            process.kill();
        }

        public void restart() throws Exception {
            if (process.isAlive()) {
                throw new IllegalStateException(name + " is still running");
            }
            synchronized (processes) {
                ensureNotClosed();
                process = startInstance(service, name, port);
            }
            awaitReady(name, process, port, config.servicesTimeout());
        }
    }

    private void ensureNotClosed() {
        if (closed.get()) {
            throw new IllegalStateException("the suite was stopped while it was starting");
        }
    }

    /** Fails before anything starts when a port is taken (a second suite, or another program). */
    private void checkPortsFree() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (ServiceModule s : ServiceModule.values()) {
            if (!missing.contains(s)) {
                ports.put(s.module() + " (LINKOPS_PORT_" + s.shortName().toUpperCase() + ")", config.port(s));
            }
        }
        ports.put("Keycloak (LINKOPS_PORT_KEYCLOAK)", config.keycloakPort());
        ports.put("PostgreSQL (LINKOPS_PORT_POSTGRES)", config.postgresPort());
        ports.put("AMQP (LINKOPS_PORT_AMQP)", config.amqpPort());
        ports.put("SMTP (LINKOPS_PORT_SMTP)", config.smtpPort());
        ports.put("storefront (LINKOPS_PORT_STOREFRONT)", config.storefrontPort());
        List<String> taken = new ArrayList<>();
        ports.forEach((what, port) -> {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                taken.add(port + " for " + what);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already in use (is another LinkOps suite running?): "
                    + String.join(", ", taken) + " — stop it, or choose other ports with the variables named");
        }
    }

    private void stageApplication(ServiceModule s) throws IOException {
        Path source = serviceJar(s).getParent();
        Path target = config.dataDir().resolve("services").resolve(s.module()).resolve("app").toAbsolutePath();
        KeycloakServer.deleteTree(target);
        try (var walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private void awaitServicesReady() throws InterruptedException {
        long deadline = System.nanoTime() + config.servicesTimeout().toNanos();
        Map<ServiceModule, String> lastAnswer = new EnumMap<>(ServiceModule.class);
        List<ServiceModule> waiting = new ArrayList<>(services.keySet());
        while (!waiting.isEmpty()) {
            for (ServiceModule s : new ArrayList<>(waiting)) {
                ManagedProcess p = services.get(s);
                if (!p.isAlive()) {
                    String tail = p.logTail(40);
                    String hint = tail.contains("Migration checksum mismatch")
                            ? "\nHint: its database in " + config.dataDir() + " was made by an older build of "
                            + s.module() + " whose migrations have changed since; start again with --reset" : "";
                    throw new IllegalStateException(s.module() + " exited with code " + p.exitValue()
                            + " before it was ready; see " + p.logFile() + "\n" + tail + hint);
                }
                try {
                    Http.Response r = http.get("http://127.0.0.1:" + config.port(s) + "/q/health/ready", null);
                    lastAnswer.put(s, r.toString());
                    if (r.status() == 200 && "UP".equals(r.json().path("status").asText())) {
                        waiting.remove(s);
                        log(s.module() + " ready");
                    }
                } catch (RuntimeException notListening) {
                    lastAnswer.put(s, "not listening yet");
                }
            }
            if (System.nanoTime() > deadline && !waiting.isEmpty()) {
                String names = waiting.stream().map(s -> s.module() + " (log " + services.get(s).logFile()
                        + "; last /q/health/ready: " + lastAnswer.get(s) + ")").collect(Collectors.joining(", "));
                throw new IllegalStateException("not ready after " + config.servicesTimeout().toSeconds() + " s: " + names);
            }
            Thread.sleep(500);
        }
    }

    /** Stops every process the suite started, services first, then Keycloak, then the in-JVM servers. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log("stopping the suite");
        List<ManagedProcess> started;
        ManagedProcess kc;
        synchronized (processes) {
            started = new ArrayList<>(services.values());
            replicas.values().forEach(r -> started.add(r.process));
            kc = keycloak;
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ManagedProcess p : started) {
            Thread t = new Thread(() -> p.stop(Duration.ofSeconds(20)), "stop-" + p.name());
            t.start();
            stoppers.add(t);
        }
        join(stoppers);
        if (kc != null) {
            kc.stop(Duration.ofSeconds(30));
        }
        quietly(() -> { if (storefront != null) storefront.close(); });
        quietly(() -> { if (mail != null) mail.stop(); });
        quietly(() -> { if (broker != null) broker.close(); });
        quietly(() -> { if (postgres != null) postgres.close(); });
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or done
            }
        }
        log("suite stopped");
    }

    public SuiteConfig config() { return config; }
    public Http http() { return http; }
    public Tokens tokens() { return tokens; }
    public GreenMail mail() { return mail; }
    public DemoStorefront storefront() { return storefront; }
    public Optional<DemoData.Result> demo() { return Optional.ofNullable(demo); }
    /** Services left out because their jar was not built (only with requireAllServices off). */
    public List<ServiceModule> missingServices() { return List.copyOf(missing); }
    public boolean isRunning(ServiceModule s) { return services.containsKey(s) && services.get(s).isAlive(); }
    public Optional<ManagedProcess> process(ServiceModule s) { return Optional.ofNullable(services.get(s)); }

    public Path serviceJar(ServiceModule s) {
        return config.repoRoot().resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Deletes the data folder; refuses a non-empty folder the suite did not create. */
    public static void wipe(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        boolean empty;
        try (var list = Files.list(dataDir)) {
            empty = list.findAny().isEmpty();
        }
        if (!empty && !Files.exists(dataDir.resolve(DATA_MARKER))) {
            throw new IllegalStateException("refusing to wipe " + dataDir.toAbsolutePath()
                    + ": it is not a LinkOps data folder (no " + DATA_MARKER + " inside)");
        }
        KeycloakServer.deleteTree(dataDir);
    }

    private static Path prepareDataDir(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path marker = dataDir.resolve(DATA_MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "LinkOps local suite state; delete the folder (or run with --reset) to start over\n",
                    StandardCharsets.UTF_8);
        }
        return dataDir;
    }

    /** A PostgreSQL left running by a launcher that was killed (kill -9) would block the port and the folder. */
    private static void stopStalePostgres(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent() && h.get().isAlive()
                    && h.get().info().command().map(c -> c.contains("postgres")).orElse(false)) {
                log("stopping a PostgreSQL (pid " + pid + ") left over by an earlier run");
                h.get().destroy();
                if (!h.get().onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).join().isAlive()) {
                    return;
                }
                h.get().destroyForcibly();
                h.get().onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log("WARNING could not check " + pidFile + ": " + e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void log(String message) {
        System.out.println(LocalTime.now().format(TIME) + " [suite] " + message);
        System.out.flush();
    }

    private static long seconds(long t0) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            log("WARNING while stopping: " + e);
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
