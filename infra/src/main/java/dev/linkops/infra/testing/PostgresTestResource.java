package dev.linkops.infra.testing;

import dev.linkops.infra.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for @QuarkusTest: one embedded server per test JVM, a fresh database for each
 * Quarkus start so test profiles do not see each other's rows.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgresServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            String database = "test_" + DATABASES.incrementAndGet();
            server().ensureDatabases(List.of(database));
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                    "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                    "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                    "quarkus.datasource.devservices.enabled", "false");
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    private static synchronized EmbeddedPostgresServer server() throws Exception {
        if (server == null) {
            server = EmbeddedPostgresServer.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }

    @Override
    public void stop() {
        // the server outlives one Quarkus start; the shutdown hook stops it
    }
}
