package dev.linkops.infra.suite;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local run command: {@code java -jar infra/target/infra-*.jar [--reset] [--data-dir=DIR] [--no-demo]}.
 * Starts the suite on the DESIGN §1 ports (override one with -Dlinkops.port.NAME or LINKOPS_PORT_NAME),
 * prints where everything is, and runs until Ctrl-C or TERM, which stops every process it started.
 */
public final class LocalSuite {
    private LocalSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".linkops-data");
        boolean reset = false;
        boolean demo = true;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: run-local.sh [--reset] [--data-dir=DIR] [--no-demo]\n"
                        + "  --reset       wipe the data folder (default ./.linkops-data) first\n"
                        + "  --no-demo     do not load the demo link and availability\n"
                        + "ports: -Dlinkops.port.<redirect|registry|availability|alerting|reporting|keycloak|amqp|"
                        + "postgres|storefront|smtp>=N or LINKOPS_PORT_<NAME>=N");
                return;
            } else {
                System.err.println("unknown option " + arg + " (try --help)");
                System.exit(2);
            }
        }
        Path root = SuiteConfig.findRepoRoot();
        dataDir = (dataDir.isAbsolute() ? dataDir : root.resolve(dataDir)).normalize();
        if (reset) {
            Suite.log("--reset: wiping " + dataDir);
            Suite.wipe(dataDir);
        }
        SuiteConfig config = SuiteConfig.local(root, dataDir).withOverrides()
                .withDemoData(demo)
                .withRequireAllServices(false);
        long t0 = System.nanoTime();
        Suite suite;
        try {
            suite = Suite.start(config);
        } catch (Exception e) {
            System.err.println("\nLinkOps did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        printSummary(suite, (System.nanoTime() - t0) / 1_000_000_000L);
        CountDownLatch forever = new CountDownLatch(1);
        forever.await(); // Ctrl-C / TERM run the suite's shutdown hook, which stops everything
    }

    private static void printSummary(Suite suite, long seconds) {
        SuiteConfig c = suite.config();
        StringBuilder sb = new StringBuilder();
        sb.append("\n==================== LinkOps is up (").append(seconds).append(" s) ====================\n");
        sb.append("Redirect endpoint   ").append(c.serviceUrl(ServiceModule.REDIRECT)).append("/{code}\n");
        sb.append("Demo short link     ").append(c.serviceUrl(ServiceModule.REDIRECT)).append('/')
                .append(DemoData.DEMO_CODE).append("?gclid=demo");
        suite.demo().ifPresent(d -> sb.append(d.published() ? "   (published)" : "   (NOT published: see warnings above)"));
        sb.append('\n');
        sb.append("Swagger UI\n");
        for (ServiceModule s : ServiceModule.values()) {
            sb.append(String.format("  %-22s %s/q/swagger-ui%s%n", s.module(), c.serviceUrl(s),
                    suite.missingServices().contains(s) ? "   (NOT RUNNING: not built)" : ""));
        }
        sb.append("Keycloak            ").append(c.keycloakUrl()).append("/admin  (admin / admin), realm linkops\n");
        sb.append("Demo users          password 'linkops': alice (marketing), mia (merchandising), "
                + "oscar (operations), ana (analytics), root (admin)\n");
        sb.append("Get a token         curl -s -d grant_type=password -d client_id=linkops-console -d username=alice "
                + "-d password=linkops ").append(c.realmUrl()).append("/protocol/openid-connect/token\n");
        sb.append("Demo storefront     ").append(c.storefrontUrl()).append("/  (stock: PUT ").append(c.storefrontUrl())
                .append("/admin/stock/{sku} with a number)\n");
        sb.append("PostgreSQL          localhost:").append(c.postgresPort()).append(" postgres/postgres\n");
        sb.append("AMQP (Artemis)      localhost:").append(c.amqpPort()).append('\n');
        sb.append("SMTP (GreenMail)    localhost:").append(c.smtpPort()).append('\n');
        sb.append("Data and logs       ").append(c.dataDir()).append("  (logs/ holds one log per process)\n");
        sb.append("Ctrl-C stops everything.\n");
        System.out.println(sb);
    }
}
