package dev.linkops.redirect.api;

import dev.linkops.redirect.config.RedirectConfig;
import dev.linkops.redirect.domain.Redirect;
import dev.linkops.redirect.domain.Redirector;
import dev.linkops.redirect.domain.Visitor;
import dev.linkops.redirect.domain.VisitorKeys;
import dev.linkops.routing.BotClassifier;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * GET/HEAD /{code} as a plain Vert.x route on the event loop: a JAX-RS method on worker dispatch
 * measured at half the throughput (DESIGN §7). /q/* (health, metrics) and /internal/* stay reserved.
 */
@ApplicationScoped
public class RedirectRoutes {
    private static final Logger LOG = Logger.getLogger(RedirectRoutes.class);
    static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    static final CharSequence LOCATION = HttpHeaders.createOptimized("Location");
    static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");
    static final CharSequence ZERO = HttpHeaders.createOptimized("0");
    static final CharSequence PURPOSE = HttpHeaders.createOptimized("Purpose");
    static final CharSequence X_PURPOSE = HttpHeaders.createOptimized("X-Purpose");
    static final CharSequence SEC_PURPOSE = HttpHeaders.createOptimized("Sec-Purpose");
    static final CharSequence X_MOZ = HttpHeaders.createOptimized("X-Moz");

    @Inject
    Redirector redirector;
    @Inject
    RedirectConfig config;

    private final VisitorReader visitors = new VisitorReader(BotClassifier.standard());
    private CharSequence geoHeader;
    private VisitorKeys visitorKeys;

    void routes(@Observes Router router) {
        geoHeader = HttpHeaders.createOptimized(config.geoHeader());
        visitorKeys = config.visitorSecret().map(VisitorKeys::of).orElseGet(() -> {
            LOG.warn("linkops.redirect.visitor-secret is not set: unique clicks count a visitor once per replica "
                    + "and per run (set LINKOPS_REDIRECT_VISITOR_SECRET, the same on every replica)");
            return VisitorKeys.random();
        });
        router.route(HttpMethod.GET, "/:code").handler(this::redirect);
        router.route(HttpMethod.HEAD, "/:code").handler(this::redirect);
    }

    void redirect(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        if (code == null || code.isEmpty() || isReserved(code)) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        MultiMap headers = request.headers();
        String rawQuery = request.query();
        String purpose = headers.get(PURPOSE);
        String userAgent = headers.get(HttpHeaders.USER_AGENT);
        Instant now = Instant.now();
        // with quarkus.http.proxy.* set, Quarkus has already put the forwarded client address here
        SocketAddress peer = request.remoteAddress();
        String visitorKey = visitorKeys.key(peer == null ? null : peer.host(), userAgent, now);
        Visitor visitor = visitors.read(request.method().name(), userAgent,
                headers.get(geoHeader), headers.get(HttpHeaders.ACCEPT_LANGUAGE), headers.get(HttpHeaders.REFERER),
                headers.get(HttpHeaders.COOKIE), rawQuery, purpose != null ? purpose : headers.get(X_PURPOSE),
                headers.get(SEC_PURPOSE), headers.get(X_MOZ), visitorKey);
        Redirect redirect = redirector.resolve(code, rawQuery, visitor, now);
        ctx.response()
                .setStatusCode(redirect.status())
                .putHeader(LOCATION, redirect.location())
                .putHeader(CACHE_CONTROL, NO_STORE)
                .putHeader(CONTENT_LENGTH, ZERO)
                .end();
    }

    /** Single-segment paths that belong to the platform, never to a link code. */
    static boolean isReserved(String code) {
        return code.equals("q") || code.equals("internal") || code.equals("favicon.ico") || code.equals("robots.txt");
    }
}
