package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;
import dev.linkops.contracts.events.v1.LinkStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static dev.linkops.routing.TestLinks.DESKTOP_DE;
import static dev.linkops.routing.TestLinks.EXPIRED;
import static dev.linkops.routing.TestLinks.FALLBACK;
import static dev.linkops.routing.TestLinks.NOW;
import static dev.linkops.routing.TestLinks.PAUSED;
import static dev.linkops.routing.TestLinks.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LifecycleRoutingTest {

    private static final Instant START = NOW.minus(Duration.ofDays(1));
    private static final Instant END = NOW.plus(Duration.ofDays(1));

    private static void assertFallback(RouteOutcome outcome, String destination, RouteDecision decision) {
        assertEquals(outcome, decision.outcome());
        assertEquals("fallback", decision.branch());
        assertNull(decision.destinationType());
        assertEquals(destination, decision.destination());
    }

    @Test
    void liveLinkInsideItsWindowRoutesByItsTree() {
        RouteDecision decision = link().window(START, END)
                .rule("everyone", null, "https://shop.example/sale", DestinationType.CATEGORY)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertEquals(RouteOutcome.ROUTED, decision.outcome());
        assertEquals("everyone", decision.branch());
    }

    @Test
    void liveLinkRoutesFromTheInstantItStarts() {
        CompiledLink tree = link().window(NOW, END).compile();

        assertEquals(RouteOutcome.ROUTED, tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW).outcome());
        assertFallback(RouteOutcome.NOT_LIVE, FALLBACK, tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW.minusNanos(1)));
    }

    @Test
    void liveLinkBeforeItsStartGoesToTheFallbackUrl() {
        RouteDecision decision = link().window(NOW.plusSeconds(60), END).route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.NOT_LIVE, FALLBACK, decision);
    }

    @Test
    void liveLinkAtItsEndGoesToTheExpiredUrl() {
        CompiledLink tree = link().window(START, NOW).compile();

        assertFallback(RouteOutcome.EXPIRED, EXPIRED, tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW));
        assertEquals(RouteOutcome.ROUTED, tree.route(AvailabilityView.NONE, DESKTOP_DE, NOW.minusNanos(1)).outcome());
    }

    @Test
    void expiredStatusGoesToTheExpiredUrlEvenInsideTheWindow() {
        RouteDecision decision = link().status(LinkStatus.EXPIRED).window(START, END)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.EXPIRED, EXPIRED, decision);
    }

    @Test
    void expiredLinkWithoutExpiredUrlGoesToTheFallbackUrl() {
        RouteDecision decision = link().status(LinkStatus.EXPIRED).fallbacks(FALLBACK, null, PAUSED)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.EXPIRED, FALLBACK, decision);
    }

    @Test
    void pausedLinkGoesToThePausedUrl() {
        RouteDecision decision = link().status(LinkStatus.PAUSED).route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.PAUSED, PAUSED, decision);
    }

    @Test
    void pausedLinkWithoutPausedUrlGoesToTheFallbackUrl() {
        RouteDecision decision = link().status(LinkStatus.PAUSED).fallbacks(FALLBACK, EXPIRED, "  ")
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.PAUSED, FALLBACK, decision);
    }

    @Test
    void pausedLinkPastItsEndCountsAsExpired() {
        RouteDecision decision = link().status(LinkStatus.PAUSED).window(START, NOW)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.EXPIRED, EXPIRED, decision);
    }

    @Test
    void pausedLinkBeforeItsStartCountsAsPaused() {
        RouteDecision decision = link().status(LinkStatus.PAUSED).window(NOW.plusSeconds(1), END)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.PAUSED, PAUSED, decision);
    }

    @ParameterizedTest
    @EnumSource(value = LinkStatus.class, names = {"DRAFT", "SCHEDULED", "ARCHIVED"})
    void linkThatIsNotLiveGoesToTheFallbackUrl(LinkStatus status) {
        RouteDecision decision = link().status(status).window(START, END).route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.NOT_LIVE, FALLBACK, decision);
    }

    @Test
    void archivedLinkPastItsEndIsStillNotLive() {
        RouteDecision decision = link().status(LinkStatus.ARCHIVED).window(START, NOW)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.NOT_LIVE, FALLBACK, decision);
    }

    @Test
    void liveLinkWithoutWindowAlwaysRoutes() {
        CompiledLink tree = link().compile();

        assertEquals(RouteOutcome.ROUTED, tree.route(AvailabilityView.NONE, DESKTOP_DE, Instant.EPOCH).outcome());
        assertEquals(RouteOutcome.ROUTED, tree.route(AvailabilityView.NONE, DESKTOP_DE,
                Instant.parse("2999-01-01T00:00:00Z")).outcome());
    }

    @Test
    void fallbackOutcomeWithoutAnyUrlLeavesTheDestinationToTheCaller() {
        RouteDecision decision = link().status(LinkStatus.PAUSED).noFallbacks().route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.PAUSED, null, decision);
    }

    @Test
    void fallbackUrlsExpandTemplatesToo() {
        RouteDecision decision = link().status(LinkStatus.EXPIRED)
                .fallbacks(FALLBACK, "https://shop.example/{market}/ended?sku={sku}", null)
                .route(AvailabilityView.NONE, DESKTOP_DE);

        assertFallback(RouteOutcome.EXPIRED, "https://shop.example/DE/ended?sku=SKU-1", decision);
    }
}
