package dev.linkops.availability.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Every setting is overridable by environment, e.g. {@code LINKOPS_AVAILABILITY_MAX_BATCH_ITEMS}. */
@ConfigMapping(prefix = "linkops.availability")
public interface AvailabilityConfig {

    /** Items per feed batch; a larger batch is refused whole with 413 so a sender splits it. */
    @WithDefault("10000")
    int maxBatchItems();

    /**
     * Changes of one (sku, market) within this window leave as one AvailabilityChanged. Changes inside
     * one batch always do, and with 0 changes that arrive while a publishing pass runs still leave
     * together in the next one. Every update waits for it before it leaves: the bench measured a 25 ms
     * window as ~48 ms of the p50 propagation (DESIGN §7 budget: 250 ms p99), so it is off by default.
     */
    @WithDefault("0ms")
    Duration coalesceWindow();

    /** How many pending (sku, market) rows one publishing transaction takes. */
    @WithDefault("500")
    int publishChunk();

    /**
     * An update that changes nothing but observedAt is published again once the last event for its
     * (sku, market) is this old, so readers that age signals (maxSignalAge) see it is still current.
     */
    @WithDefault("PT5M")
    Duration republishUnchangedAfter();

    /** A source is stale once it is silent for expectedInterval × this factor. */
    @WithDefault("3")
    double staleFactor();

    /** How often the stale-source watcher looks (read by the scheduler through the same key). */
    @WithDefault("10s")
    Duration staleCheckEvery();

    /** The expected interval of a source registered without one. */
    @WithDefault("PT15M")
    Duration defaultExpectedInterval();

    /** observedAt may be this far ahead of our clock (sender clock skew); further is rejected. */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** Lag percentiles per source look at observations received within this window. */
    @WithDefault("PT1H")
    Duration lagWindow();

    /** Global thresholds used when neither the SKU nor a stored default sets a field. */
    DefaultThresholds defaultThresholds();

    interface DefaultThresholds {
        @WithDefault("5")
        Optional<Long> lowAtMost();

        Optional<Integer> lowPercentOfBaseline();

        @WithDefault("2")
        Optional<Integer> hysteresis();
    }
}
