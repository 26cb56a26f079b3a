package dev.linkops.registry.api;

/** Realm roles of DESIGN §5 as used by this service's endpoints. */
public final class Roles {
    public static final String MARKETING = "marketing";
    public static final String MERCHANDISING = "merchandising";
    public static final String OPERATIONS = "operations";
    public static final String ANALYTICS = "analytics";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /** Business roles, in the order a person's default team is picked from. */
    public static final java.util.List<String> BUSINESS = java.util.List.of(MARKETING, MERCHANDISING, OPERATIONS,
            ANALYTICS, ADMIN);

    private Roles() {
    }
}
