package dev.linkops.infra.suite;

/** The five LinkOps services as the suite runs them: one JVM each, built by Maven into quarkus-app. */
public enum ServiceModule {
    REGISTRY("link-registry-service", "registry", "linkops_registry"),
    AVAILABILITY("availability-service", "availability", "linkops_availability"),
    ALERTING("alerting-service", "alerting", "linkops_alerting"),
    REPORTING("reporting-service", "reporting", "linkops_reporting"),
    REDIRECT("redirect-service", "redirect", null);

    private final String module;
    private final String shortName;
    private final String database;

    ServiceModule(String module, String shortName, String database) {
        this.module = module;
        this.shortName = shortName;
        this.database = database;
    }

    /** The Maven module folder, also the process name in logs. */
    public String module() {
        return module;
    }

    public String shortName() {
        return shortName;
    }

    /** Its own PostgreSQL database, or null (redirect keeps only a local snapshot file). */
    public String database() {
        return database;
    }
}
