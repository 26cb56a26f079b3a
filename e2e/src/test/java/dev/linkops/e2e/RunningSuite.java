package dev.linkops.e2e;

import dev.linkops.infra.suite.Suite;
import dev.linkops.infra.suite.SuiteConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Gives tests the running suite: started once per test JVM on free ports (so a local demo may run at
 * the same time), from a fresh data folder, and stopped when the last test class is done.
 */
public final class RunningSuite implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RunningSuite.class);

    /** Closed by JUnit at the end of the whole run (values of the root store that are AutoCloseable). */
    static final class Holder implements AutoCloseable {
        final Suite suite;
        final RuntimeException failure;

        Holder() {
            Suite started = null;
            RuntimeException failed = null;
            try {
                Path data = Path.of(System.getProperty("linkops.e2e.data", "target/e2e-data")).toAbsolutePath();
                Suite.wipe(data);
                SuiteConfig config = SuiteConfig.freePorts(SuiteConfig.findRepoRoot(), data)
                        .withRequireAllServices(!Boolean.getBoolean("linkops.e2e.allowMissingServices"))
                        .withKeycloakTimeout(Duration.ofMinutes(8))
                        .withServicesTimeout(Duration.ofMinutes(6))
                        // a short-lived run: C1 only and the serial collector spend far less CPU at start-up
                        .withServiceJvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                        .withKeycloakJavaOptions("-XX:TieredStopAtLevel=1");
                started = Suite.start(config);
            } catch (Exception e) {
                failed = new IllegalStateException("the suite did not start: " + e.getMessage(), e);
            }
            this.suite = started;
            this.failure = failed;
        }

        @Override
        public void close() {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Holder h = context.getRoot().getStore(NS).computeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        if (h.failure != null) {
            throw h.failure; // every test fails with the same start-up reason instead of retrying the start
        }
        return h.suite;
    }
}
