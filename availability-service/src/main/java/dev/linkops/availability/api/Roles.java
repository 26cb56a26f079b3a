package dev.linkops.availability.api;

/** Realm roles of DESIGN §5, as this service uses them. */
public final class Roles {
    public static final String MARKETING = "marketing";
    public static final String MERCHANDISING = "merchandising";
    public static final String OPERATIONS = "operations";
    public static final String ANALYTICS = "analytics";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private Roles() {
    }
}
