package dev.linkops.reporting.messaging;

/** Channel names of this service, in one place; their addresses are in application.properties. */
public final class Channels {
    public static final String SERVICE = "reporting-service";
    public static final String CLICKS_IN = "clicks-in";
    public static final String LINKS_IN = "links-in";
    public static final String AVAILABILITY_IN = "availability-in";
    public static final String AUDITS_IN = "audits-in";
    public static final String ALERTS_IN = "alerts-in";

    private Channels() {
    }
}
