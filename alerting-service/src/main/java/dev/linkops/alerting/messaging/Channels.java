package dev.linkops.alerting.messaging;

/** Channel names (addresses are in application.properties, from contracts' Addresses.subscription). */
public final class Channels {
    public static final String SERVICE = "alerting-service";
    public static final String LINKS_IN = "links-in";
    public static final String AVAILABILITY_IN = "availability-in";
    public static final String CLICKS_IN = "clicks-in";

    private Channels() {
    }
}
