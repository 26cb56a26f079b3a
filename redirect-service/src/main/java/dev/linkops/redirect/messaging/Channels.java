package dev.linkops.redirect.messaging;

/** Channel names of this service; addresses live in application.properties. */
public final class Channels {
    /** linkops.links, a per-instance subscription (capabilities=topic): every replica sees every event. */
    public static final String LINKS_IN = "links-in";
    /** linkops.availability, per-instance like links. */
    public static final String AVAILABILITY_IN = "availability-in";

    private Channels() {
    }
}
