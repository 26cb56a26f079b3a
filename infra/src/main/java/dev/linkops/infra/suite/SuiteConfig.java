package dev.linkops.infra.suite;

import dev.linkops.infra.FreePort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every port, folder and switch of one running suite. {@link #local(Path, Path)} gives the DESIGN §1 ports
 * of the local demo; {@link #freePorts(Path, Path)} gives the end-to-end tier its own ports so it can run
 * while a demo is up. Every value can be changed with the {@code with...} methods.
 */
public final class SuiteConfig {
    public static final String KEYCLOAK_VERSION = "26.7.3";
    public static final String API_CLIENT_ID = "linkops-api";
    public static final String API_CLIENT_SECRET = "linkops-api-local-secret";
    public static final String CONSOLE_CLIENT_ID = "linkops-console";
    public static final String DEMO_PASSWORD = "linkops";

    private Path repoRoot;
    private Path dataDir;
    private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "linkops");
    private int redirectPort;
    private int registryPort;
    private int availabilityPort;
    private int alertingPort;
    private int reportingPort;
    private int keycloakPort;
    private int amqpPort;
    private int postgresPort;
    private int storefrontPort;
    private int smtpPort;
    private boolean loadDemoData = true;
    private boolean requireAllServices = true;
    private String serviceHeap = "384m";
    private List<String> serviceJvmOptions = List.of();
    private String keycloakJavaOptions = "";
    private Duration keycloakTimeout = Duration.ofMinutes(5);
    private Duration servicesTimeout = Duration.ofMinutes(5);

    private SuiteConfig() {
    }

    /** The DESIGN §1 ports: what the README and every doc use. */
    public static SuiteConfig local(Path repoRoot, Path dataDir) {
        SuiteConfig c = new SuiteConfig();
        c.repoRoot = repoRoot;
        c.dataDir = dataDir;
        c.redirectPort = 8080;
        c.registryPort = 8081;
        c.availabilityPort = 8082;
        c.alertingPort = 8083;
        c.reportingPort = 8084;
        c.keycloakPort = 8180;
        c.amqpPort = 5672;
        c.postgresPort = 5432;
        c.storefrontPort = 8090;
        c.smtpPort = 2525;
        return c;
    }

    /** Free ports for every server, Keycloak included (its --hostname follows its port). */
    public static SuiteConfig freePorts(Path repoRoot, Path dataDir) {
        SuiteConfig c = new SuiteConfig();
        c.repoRoot = repoRoot;
        c.dataDir = dataDir;
        c.redirectPort = FreePort.pick();
        c.registryPort = FreePort.pick();
        c.availabilityPort = FreePort.pick();
        c.alertingPort = FreePort.pick();
        c.reportingPort = FreePort.pick();
        c.keycloakPort = FreePort.pick();
        c.amqpPort = FreePort.pick();
        c.postgresPort = FreePort.pick();
        c.storefrontPort = FreePort.pick();
        c.smtpPort = FreePort.pick();
        return c;
    }

    /**
     * The checkout root: system property {@code linkops.root}, else the nearest folder at or above the
     * working directory that holds both pom.xml and infra/.
     */
    public static Path findRepoRoot() {
        String explicit = System.getProperty("linkops.root", System.getenv("LINKOPS_ROOT"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the LinkOps checkout above " + Path.of("").toAbsolutePath()
                + "; set -Dlinkops.root=<checkout>");
    }

    public int port(ServiceModule service) {
        switch (service) {
            case REDIRECT: return redirectPort;
            case REGISTRY: return registryPort;
            case AVAILABILITY: return availabilityPort;
            case ALERTING: return alertingPort;
            case REPORTING: return reportingPort;
            default: throw new IllegalArgumentException(String.valueOf(service));
        }
    }

    public String serviceUrl(ServiceModule service) {
        return "http://localhost:" + port(service);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /** The issuer every service checks: host name and port must match Keycloak's --hostname. */
    public String realmUrl() {
        return keycloakUrl() + "/realms/linkops";
    }

    public String storefrontUrl() {
        return "http://localhost:" + storefrontPort;
    }

    public Path repoRoot() { return repoRoot; }
    public Path dataDir() { return dataDir; }
    public Path cacheDir() { return cacheDir; }
    public int keycloakPort() { return keycloakPort; }
    public int amqpPort() { return amqpPort; }
    public int postgresPort() { return postgresPort; }
    public int storefrontPort() { return storefrontPort; }
    public int smtpPort() { return smtpPort; }
    public boolean loadDemoData() { return loadDemoData; }
    public boolean requireAllServices() { return requireAllServices; }
    public String serviceHeap() { return serviceHeap; }
    public List<String> serviceJvmOptions() { return serviceJvmOptions; }
    public String keycloakJavaOptions() { return keycloakJavaOptions; }
    public Duration keycloakTimeout() { return keycloakTimeout; }
    public Duration servicesTimeout() { return servicesTimeout; }

    public SuiteConfig withPort(ServiceModule service, int port) {
        switch (service) {
            case REDIRECT: redirectPort = port; break;
            case REGISTRY: registryPort = port; break;
            case AVAILABILITY: availabilityPort = port; break;
            case ALERTING: alertingPort = port; break;
            case REPORTING: reportingPort = port; break;
            default: throw new IllegalArgumentException(String.valueOf(service));
        }
        return this;
    }

    public SuiteConfig withKeycloakPort(int port) { keycloakPort = port; return this; }
    public SuiteConfig withAmqpPort(int port) { amqpPort = port; return this; }
    public SuiteConfig withPostgresPort(int port) { postgresPort = port; return this; }
    public SuiteConfig withStorefrontPort(int port) { storefrontPort = port; return this; }
    public SuiteConfig withSmtpPort(int port) { smtpPort = port; return this; }
    public SuiteConfig withCacheDir(Path dir) { cacheDir = Objects.requireNonNull(dir); return this; }
    public SuiteConfig withDemoData(boolean load) { loadDemoData = load; return this; }
    /** false: a service whose jar is not built is left out with a warning instead of failing the start. */
    public SuiteConfig withRequireAllServices(boolean require) { requireAllServices = require; return this; }
    public SuiteConfig withServiceHeap(String heap) { serviceHeap = heap; return this; }
    /** Extra JVM options of the service processes (the end-to-end tier trades peak speed for start-up CPU). */
    public SuiteConfig withServiceJvmOptions(List<String> options) { serviceJvmOptions = List.copyOf(options); return this; }
    /** JAVA_OPTS_APPEND of the Keycloak process. */
    public SuiteConfig withKeycloakJavaOptions(String options) { keycloakJavaOptions = Objects.requireNonNull(options); return this; }
    public SuiteConfig withKeycloakTimeout(Duration timeout) { keycloakTimeout = timeout; return this; }
    public SuiteConfig withServicesTimeout(Duration timeout) { servicesTimeout = timeout; return this; }

    /**
     * Applies overrides from system properties or environment variables: {@code linkops.port.<name>} /
     * {@code LINKOPS_PORT_<NAME>} where name is redirect, registry, availability, alerting, reporting,
     * keycloak, amqp, postgres, storefront or smtp.
     */
    public SuiteConfig withOverrides() {
        for (ServiceModule s : ServiceModule.values()) {
            Integer p = override(s.shortName());
            if (p != null) {
                withPort(s, p);
            }
        }
        Integer p;
        if ((p = override("keycloak")) != null) keycloakPort = p;
        if ((p = override("amqp")) != null) amqpPort = p;
        if ((p = override("postgres")) != null) postgresPort = p;
        if ((p = override("storefront")) != null) storefrontPort = p;
        if ((p = override("smtp")) != null) smtpPort = p;
        return this;
    }

    private static Integer override(String name) {
        String v = System.getProperty("linkops.port." + name, System.getenv("LINKOPS_PORT_" + name.toUpperCase()));
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port for " + name + " is not a number: " + v);
        }
    }
}
