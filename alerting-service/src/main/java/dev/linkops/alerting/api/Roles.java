package dev.linkops.alerting.api;

import dev.linkops.platform.problem.ProblemException;

import java.util.UUID;

/** DESIGN §5 role names and small helpers shared by the resources. */
public final class Roles {
    public static final String MARKETING = "marketing";
    public static final String MERCHANDISING = "merchandising";
    public static final String OPERATIONS = "operations";
    public static final String ANALYTICS = "analytics";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    private Roles() {
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a UUID");
        }
    }
}
