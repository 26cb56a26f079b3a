package dev.linkops.infra.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central distribution (org.keycloak:keycloak-quarkus-dist:tar.gz), unpacked once
 * into the cache, run in dev mode with the linkops realm imported and its state (H2 file) in the data folder.
 */
public final class KeycloakServer {
    private static final String PREFERRED_JDK = "/usr/lib/jvm/temurin-25-jdk-amd64";

    private KeycloakServer() {
    }

    /** The unpacked distribution; unpacks the tarball on first use (tar into a temp folder, then rename). */
    public static Path ensureDistribution(Path cacheDir) throws IOException, InterruptedException {
        String version = SuiteConfig.KEYCLOAK_VERSION;
        Path home = cacheDir.resolve("keycloak-" + version);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        String tarName = "keycloak-quarkus-dist-" + version + ".tar.gz";
        Path tarball = cacheDir.resolve(tarName);
        if (!Files.isRegularFile(tarball)) {
            Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                    "keycloak-quarkus-dist", version, tarName);
            if (!Files.isRegularFile(m2)) {
                throw new IllegalStateException("Keycloak distribution not found at " + tarball + " nor " + m2
                        + ": build infra once (mvn -DskipTests install -pl infra) — it downloads "
                        + "org.keycloak:keycloak-quarkus-dist:" + version + ":tar.gz from Maven Central");
            }
            tarball = m2;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempDirectory(cacheDir, ".unpack-");
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", tmp.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!tar.waitFor(10, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IllegalStateException("could not unpack " + tarball);
        }
        try {
            Files.move(tmp.resolve("keycloak-" + version), home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) { // else a concurrent run won the race
                throw e;
            }
        } finally {
            deleteTree(tmp);
        }
        return home;
    }

    public static ManagedProcess start(SuiteConfig config) throws IOException, InterruptedException {
        Path home = ensureDistribution(config.cacheDir());
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path realm = config.repoRoot().resolve("deploy/keycloak/linkops-realm.json");
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("realm file missing: " + realm);
        }
        // the same file for every run; replace atomically so a concurrent run never reads half of it
        Path staged = Files.createTempFile(importDir, ".realm-", ".tmp");
        Files.copy(realm, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, importDir.resolve("linkops-realm.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        Path data = config.dataDir().resolve("keycloak").toAbsolutePath();
        Files.createDirectories(data);
        int port = config.keycloakPort();
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=http://localhost:" + port,
                "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", javaHome().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        if (!config.keycloakJavaOptions().isBlank()) {
            env.put("JAVA_OPTS_APPEND", config.keycloakJavaOptions());
        }
        return ManagedProcess.start("keycloak", cmd, env, data, config.dataDir().resolve("logs/keycloak.log"),
                config.dataDir().resolve("run"));
    }

    /** Waits for the realm's discovery document; fails early if the process died. */
    public static void awaitReady(ManagedProcess kc, SuiteConfig config, Http http) throws InterruptedException {
        String url = "http://127.0.0.1:" + config.keycloakPort() + "/realms/linkops/.well-known/openid-configuration";
        long deadline = System.nanoTime() + config.keycloakTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!kc.isAlive()) {
                throw new IllegalStateException("Keycloak exited (code " + kc.exitValue() + "); see "
                        + kc.logFile() + "\n" + kc.logTail(30));
            }
            try {
                if (http.get(url, null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + config.keycloakTimeout().toSeconds()
                + " s (" + url + "); see " + kc.logFile() + "\n" + kc.logTail(30));
    }

    /** JDK 25 when present (Keycloak 26 needs 21+), else the newest JDK >= 21 under /usr/lib/jvm. */
    static Path javaHome() {
        Path preferred = Path.of(PREFERRED_JDK);
        if (Files.isExecutable(preferred.resolve("bin/java"))) {
            return preferred;
        }
        Optional<Path> newest = Optional.empty();
        int best = 0;
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                int major = majorVersion(d);
                if (major >= 21 && major > best && Files.isExecutable(d.resolve("bin/java"))) {
                    best = major;
                    newest = Optional.of(d);
                }
            }
        } catch (IOException e) {
            // fall through
        }
        Path current = Path.of(System.getProperty("java.home"));
        if (newest.isEmpty() && Runtime.version().feature() >= 21) {
            return current;
        }
        return newest.orElseThrow(() -> new IllegalStateException(
                "Keycloak " + SuiteConfig.KEYCLOAK_VERSION + " needs a JDK 21 or newer; none found under /usr/lib/jvm"));
    }

    private static int majorVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK with a release file
        }
        return 0;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
