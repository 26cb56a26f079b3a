package dev.linkops.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Settings of the link registry; each one is overridable by env, e.g. LINKOPS_REGISTRY_ALLOWED_HOSTS. */
@ConfigMapping(prefix = "linkops.registry")
public interface RegistryConfig {

    /** Hosts a destination may point at; an entry "*.example.com" also admits its subdomains. */
    List<String> allowedHosts();

    /** Outside dev and test only https destinations are accepted. */
    @WithDefault("true")
    boolean requireHttps();

    /** Length of generated short codes. */
    @WithDefault("7")
    int codeLength();

    /** How often the lifecycle scheduler looks for links whose window opened or closed. */
    @WithDefault("15s")
    String lifecycleInterval();

    /** The incoming query the preflight's analytics check pushes through the query merger. */
    @WithDefault("gclid=preflight-gclid&fbclid=preflight-fbclid")
    String preflightProbeQuery();
}
