package dev.linkops.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the reporting service; each is overridable by env var (LINKOPS_REPORTING_...). */
@ConfigMapping(prefix = "linkops.reporting")
public interface ReportingConfig {

    /** How often kept-apart post-click events are matched against clicks that arrived meanwhile (scheduler syntax). */
    @WithDefault("10s")
    String attachEvery();

    /** How often partitions are created ahead (scheduler syntax). */
    @WithDefault("1h")
    String partitionEvery();

    Partitions partitions();

    Intake intake();

    interface Intake {
        /** Most clicks stored in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** Clicks decoded but not yet stored (and not yet acked); a full queue slows the consumer down. */
        @WithDefault("5000")
        int queueCapacity();

        /** How long the writer waits for a batch to fill once it has something. */
        @WithDefault("5")
        int gatherMillis();
    }

    Events events();

    Reports reports();

    Dashboard dashboard();

    interface Partitions {
        /** Daily click_fact partitions kept ready ahead of today. */
        @WithDefault("7")
        int daysAhead();
    }

    interface Events {
        /** Largest accepted POST /api/events batch. */
        @WithDefault("1000")
        int maxBatch();

        /** How many kept-apart events one sweep tries to attach. */
        @WithDefault("500")
        int attachBatch();
    }

    interface Reports {
        /** Range of a report when from/to are not given. */
        @WithDefault("30")
        int defaultDays();

        /** Longest range a timeline (hourly buckets from facts) may span. */
        @WithDefault("31")
        int maxTimelineDays();
    }

    interface Dashboard {
        /** Keycloak realm URL the dashboard signs in against (PKCE, public client). */
        Optional<String> authServerUrl();

        @WithDefault("linkops-console")
        String clientId();
    }
}
