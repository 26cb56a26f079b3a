package dev.linkops.redirect.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Every setting is overridable by environment variable, e.g. LINKOPS_REDIRECT_REGISTRY_URL. */
@ConfigMapping(prefix = "linkops.redirect")
public interface RedirectConfig {

    /** Base URL of link-registry-service; its {@code /internal/links/snapshot} feeds the routing table. */
    @WithDefault("http://localhost:8081")
    String registryUrl();

    /** Base URL of availability-service; its {@code /internal/availability/snapshot} feeds the signals. */
    @WithDefault("http://localhost:8082")
    String availabilityUrl();

    /** How long one snapshot request may take before the local file is used instead. */
    @WithDefault("PT5S")
    Duration snapshotTimeout();

    /** The local copy of the state, read at start when the services are down. */
    @WithDefault("data/redirect-snapshot.json")
    String snapshotFile();

    /** How often the state is written to the snapshot file (only when it changed). */
    @WithDefault("PT30S")
    Duration snapshotWriteInterval();

    /** How often the full state is re-read from the services; 0 turns reconciliation off. */
    @WithDefault("PT5M")
    Duration reconcileInterval();

    /** Where unknown codes (and links without any fallback) go. */
    @WithDefault("http://localhost:8090/")
    String globalFallbackUrl();

    /** The click id parameter appended for post-click attribution; empty turns it off everywhere. */
    @WithDefault("lo_cid")
    String clickIdParam();

    /** Header a CDN puts the visitor's country in (CF-IPCountry, CloudFront-Viewer-Country, ...). */
    @WithDefault("CF-IPCountry")
    String geoHeader();

    /**
     * Secret of the visitor keys behind unique clicks (16 bytes or more); every replica needs the same.
     * Unset: a random secret per process, so a visitor counts once per replica and per run.
     */
    Optional<String> visitorSecret();

    Clicks clicks();

    interface Clicks {
        /** Requests whose click finds this buffer full lose their click (counted as a drop). */
        @WithDefault("65536")
        int bufferCapacity();

        /** Clicks drained and sent per pass. */
        @WithDefault("512")
        int batchSize();

        /** Unconfirmed clicks kept in memory while the broker is away before they spill to the journal. */
        @WithDefault("100000")
        int memoryLimit();

        /** Sends without a broker answer after this long are retried (the broker drops duplicates). */
        @WithDefault("PT10S")
        Duration ackTimeout();

        /** The disk journal of clicks the broker has not taken yet. */
        @WithDefault("data/redirect-clicks.journal")
        String journalFile();

        /** amqp (the real sink) or discard (benchmarks that measure the redirect alone). */
        @WithDefault("amqp")
        String sink();
    }

}
