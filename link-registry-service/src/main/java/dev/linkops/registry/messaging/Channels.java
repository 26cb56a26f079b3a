package dev.linkops.registry.messaging;

/** Channel names of this service; their addresses are in application.properties. */
public final class Channels {
    public static final String SERVICE = "link-registry-service";
    /** linkops.availability::link-registry-service.availability */
    public static final String AVAILABILITY_IN = "availability-in";
    /** linkops.audits::link-registry-service.audits */
    public static final String AUDITS_IN = "audits-in";

    private Channels() {
    }
}
