package dev.linkops.redirect;

import dev.linkops.redirect.config.RedirectConfig;

import java.time.Duration;
import java.util.Optional;

/** RedirectConfig for plain unit tests, with the defaults of application.properties. */
public class TestConfig implements RedirectConfig {
    public String journalFile = "target/test-data/unit-clicks.journal";
    public int memoryLimit = 100_000;
    public int bufferCapacity = 1024;
    public Duration ackTimeout = Duration.ofSeconds(10);

    @Override public String registryUrl() { return "http://localhost:8081"; }
    @Override public String availabilityUrl() { return "http://localhost:8082"; }
    @Override public Duration snapshotTimeout() { return Duration.ofSeconds(5); }
    @Override public String snapshotFile() { return "target/test-data/unit-snapshot.json"; }
    @Override public Duration snapshotWriteInterval() { return Duration.ofSeconds(30); }
    @Override public Duration reconcileInterval() { return Duration.ofMinutes(5); }
    @Override public String globalFallbackUrl() { return "https://global.test/"; }
    @Override public String clickIdParam() { return "lo_cid"; }
    @Override public String geoHeader() { return "CF-IPCountry"; }
    @Override public Optional<String> visitorSecret() { return Optional.of("unit-test-visitor-secret"); }

    @Override
    public Clicks clicks() {
        return new Clicks() {
            @Override public int bufferCapacity() { return bufferCapacity; }
            @Override public int batchSize() { return 64; }
            @Override public int memoryLimit() { return memoryLimit; }
            @Override public Duration ackTimeout() { return ackTimeout; }
            @Override public String journalFile() { return journalFile; }
            @Override public String sink() { return "amqp"; }
        };
    }
}
