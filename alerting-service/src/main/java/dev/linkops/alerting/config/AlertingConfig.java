package dev.linkops.alerting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every alerting setting; each is overridable by an env var (LINKOPS_ALERTING_...). */
@ConfigMapping(prefix = "linkops.alerting")
public interface AlertingConfig {

    Deadlines deadlines();

    Escalation escalation();

    Clicks clicks();

    Feeds feeds();

    Notifications notifications();

    Directory directory();

    Audit audit();

    Flapping flapping();

    Digest digest();

    /** Response times used when no /api/alert-policies entry exists for a (type, severity). */
    interface Deadlines {
        @WithDefault("PT1H")
        Duration critical();

        @WithDefault("PT4H")
        Duration high();

        @WithDefault("PT24H")
        Duration medium();

        @WithDefault("PT72H")
        Duration low();

        /** How often an escalation is repeated when no policy says otherwise. */
        @WithDefault("PT1H")
        Duration repeatEvery();
    }

    interface Escalation {
        /** How often the scheduler looks for overdue alerts. */
        @WithDefault("60s")
        String checkEvery();

        /** Who hears of an overdue alert when the team names no escalation contact in Keycloak. */
        Optional<String> fallbackEmail();
    }

    interface Clicks {
        @WithDefault("PT15M")
        Duration window();

        /** A window needs this many non-bot clicks before its fallback share means anything. */
        @WithDefault("20")
        int minClicks();

        /** Share of a live link's clicks going to a fallback or waitlist that raises an alert. */
        @WithDefault("0.5")
        double fallbackShare();

        /** Non-bot clicks on an expired or paused link within one window that raise an alert. */
        @WithDefault("5")
        int inactiveClicks();
    }

    interface Feeds {
        /** Feed owner per source name (a Keycloak username). */
        Map<String, String> owners();

        /** Team that owns feeds, unless a source is listed in owners. */
        @WithDefault("operations")
        String team();
    }

    interface Notifications {
        @WithDefault("linkops-alerts@localhost")
        String from();

        /** Base URL people follow from a notification to the alert. */
        @WithDefault("http://localhost:8083")
        String publicUrl();

        @WithDefault("2s")
        String dispatchEvery();

        @WithDefault("6")
        int maxAttempts();

        @WithDefault("PT5S")
        Duration initialBackoff();

        /** A webhook is disabled after this many failed deliveries in a row. */
        @WithDefault("5")
        int disableWebhookAfter();

        @WithDefault("PT5S")
        Duration webhookTimeout();
    }

    interface Directory {
        /** Keycloak realm holding people and teams (groups). */
        @WithDefault("linkops")
        String realm();

        /** Group attribute naming a team's escalation contact (username or e-mail). */
        @WithDefault("escalationContact")
        String escalationAttribute();
    }

    interface Audit {
        /** Only for local runs and tests: lets audits reach loopback and private addresses. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Hosts audits may request; "*.example.com" allows sub-domains. */
        @WithDefault("shop.example.com,*.shop.example.com")
        List<String> allowedHosts();

        @WithDefault("5")
        int maxHops();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration requestTimeout();

        @WithDefault("2097152")
        int maxBodyBytes();

        /** Weekly by default (Monday 06:00). */
        @WithDefault("0 0 6 ? * MON")
        String cron();

        /** Audit a link's destinations whenever it is published. */
        @WithDefault("true")
        boolean onPublish();

        @WithDefault("LinkOps-Audit/1.0")
        String userAgent();
    }

    interface Digest {
        /** The weekly digest per team for the cross-team review (Monday 07:00 by default). */
        @WithDefault("0 0 7 ? * MON")
        String cron();
    }

    interface Flapping {
        /** An alert resolved less than this long ago is reopened instead of raised anew (no new e-mail). */
        @WithDefault("PT10M")
        Duration suppressWithin();
    }
}
