package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.ClickRecorded;
import dev.linkops.contracts.events.v1.LinkStatus;
import dev.linkops.contracts.events.v1.StockState;
import dev.linkops.redirect.Fixtures;
import dev.linkops.redirect.TestConfig;
import dev.linkops.redirect.clicks.ClickBuffer;
import dev.linkops.redirect.state.StateStatus;
import dev.linkops.routing.AvailabilitySignal;
import dev.linkops.routing.RequestContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path without HTTP: routing, query passthrough, fallbacks and the click each request leaves. */
class RedirectorTest {
    private static final String DEST = Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=stale#top";
    private static final Visitor PERSON = new Visitor(new RequestContext("desktop", "US", "en", null), false, null,
            "0123456789abcdef0123456789abcdef");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<ClickRecorded> clicks = new ArrayList<>();
    private Redirector redirector;
    private ClickBuffer buffer;

    @BeforeEach
    void setUp() {
        redirector = build(new AvailabilityTable());
        redirector.links.apply(Fixtures.plainLink("qp", DEST, 302, true));
        redirector.links.apply(Fixtures.plainLink("no-cid", Fixtures.SHOP + "/x", 302, false));
    }

    private Redirector build(AvailabilityTable availability) {
        TestConfig config = new TestConfig();
        Redirector r = new Redirector();
        r.links = new RoutingTable();
        r.availability = availability;
        buffer = new ClickBuffer(config, registry);
        r.clicks = buffer;
        r.metrics = new RedirectMetrics(registry);
        r.status = new StateStatus();
        r.config = config;
        r.init();
        return r;
    }

    private String location(String code, String query) {
        return redirector.resolve(code, query, PERSON, Instant.now()).location();
    }

    /** Everything before the click id, plus the fragment: the click id is random. */
    private String withoutClickId(String location) {
        return location.replaceAll("[?&]lo_cid=[0-9a-f-]{36}", "");
    }

    private List<ClickRecorded> takeClicks() {
        clicks.clear();
        clicks.addAll(buffer.drainClicks());
        return clicks;
    }

    @Test
    void encodedCharactersPassThroughByteForByte() {
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&q=%2F%3F%26%3D%25#top",
                withoutClickId(location("qp", "q=%2F%3F%26%3D%25")));
    }

    @Test
    void plusAndPercentTwentyStayAsTheyCame() {
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&a=x+y&b=x%20y#top",
                withoutClickId(location("qp", "a=x+y&b=x%20y")));
    }

    @Test
    void repeatedKeysKeepEveryValueInOrderAndReplaceTheDestinationsKeyInPlace() {
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=1&gclid=2&utm_source=newsletter&tag=b&tag=a#top",
                withoutClickId(location("qp", "tag=b&gclid=1&tag=a&gclid=2")));
    }

    @Test
    void emptyValuesAndKeysWithoutEqualsSignKeepTheirShape() {
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&empty=&flag#top",
                withoutClickId(location("qp", "empty=&flag")));
    }

    @Test
    void unicodeStaysEncodedOrRawExactlyAsReceived() {
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&n=%C3%A9&m=é#top",
                withoutClickId(location("qp", "n=%C3%A9&m=é")));
    }

    @Test
    void theLinkOwnsUtmParametersAndTheFragmentStaysLast() {
        String location = location("qp", "utm_source=evil&utm_medium=spam&fbclid=f");
        assertTrue(location.endsWith("#top"), location);
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&fbclid=f#top",
                withoutClickId(location));
    }

    @Test
    void aVeryLongQueryPassesThroughWhole() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            query.append(i == 0 ? "" : "&").append("k").append(i).append("=v%20").append(i);
        }
        String location = location("qp", query.toString());
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=newsletter&" + query + "#top",
                withoutClickId(location));
    }

    @Test
    void theClickIdIsAppendedUnlessTheLinkTurnsItOffAndAnIncomingOneIsReplaced() {
        String location = location("qp", "lo_cid=forged");
        assertTrue(location.matches(".*&lo_cid=[0-9a-f-]{36}#top"), location);
        assertTrue(!location.contains("forged"), location);
        assertEquals(Fixtures.SHOP + "/x?utm_source=newsletter&g=1", location("no-cid", "g=1"));
        // with click ids off the parameter is nobody's: it passes through like any other (QueryMerger's rule)
        assertEquals(Fixtures.SHOP + "/x?utm_source=newsletter&lo_cid=v", location("no-cid", "lo_cid=v"));
    }

    @Test
    void theClickCarriesTheSameIdAsTheLocationAndWhatTheRequestSaw() {
        String location = location("qp", "gclid=g");
        List<ClickRecorded> recorded = takeClicks();
        assertEquals(1, recorded.size());
        ClickRecorded click = recorded.get(0);
        assertTrue(location.contains("lo_cid=" + click.clickId()), location);
        assertEquals("ROUTED", click.outcome());
        assertEquals("default", click.branch());
        assertEquals("desktop", click.device());
        assertEquals("US", click.country());
        assertEquals(Fixtures.SHOP + "/landing?ref=email&gclid=old&utm_source=stale#top", click.destination(),
                "the routed destination, without the visitor's query");
    }

    @Test
    void stockSignalsChooseTheBranchAndTheClickRecordsTheStateSeen() {
        redirector.links.apply(Fixtures.speakerLink("spk", "SPK-1", 1, LinkStatus.LIVE));
        redirector.availability.apply(Fixtures.availability("SPK-1", StockState.LOW, 12, 1));
        assertTrue(location("spk", null).startsWith(Fixtures.SHOP + "/c/speakers?featured=SPK-1&utm_source=google"));
        redirector.availability.apply(Fixtures.availability("SPK-1", StockState.OUT_OF_STOCK, 0, 2));
        assertTrue(location("spk", null).startsWith(Fixtures.SHOP + "/waitlist/SPK-1?"));
        List<ClickRecorded> recorded = takeClicks();
        assertEquals("low-stock", recorded.get(0).branch());
        assertEquals(StockState.LOW, recorded.get(0).skus().get(0).state());
        assertEquals(12L, recorded.get(0).skus().get(0).available());
        assertEquals("sold-out", recorded.get(1).branch());
    }

    @Test
    void unknownPausedAndExpiredCodesGoToTheirOwnFallbacksAndAreCountedApart() {
        redirector.links.apply(Fixtures.speakerLink("paused", "P", 1, LinkStatus.PAUSED));
        redirector.links.apply(Fixtures.speakerLink("expired", "E", 1, LinkStatus.EXPIRED));
        String orphan = location("nobody", "gclid=1&utm_source=typo");
        assertTrue(location("paused", null).startsWith(Fixtures.SHOP + "/paused?"));
        assertTrue(location("expired", null).startsWith(Fixtures.SHOP + "/expired?"));

        List<ClickRecorded> recorded = takeClicks();
        assertEquals("UNKNOWN_CODE", recorded.get(0).outcome());
        assertNull(recorded.get(0).linkId());
        assertEquals("https://global.test/?gclid=1&lo_cid=" + recorded.get(0).clickId(), orphan,
                "the shopper's parameters and the click id reach the global fallback; utm_* belong to links");
        assertEquals("PAUSED", recorded.get(1).outcome());
        assertEquals("EXPIRED", recorded.get(2).outcome());
        assertEquals(1.0, redirector.metrics.count(Outcome.UNKNOWN_CODE));
        assertEquals(1.0, redirector.metrics.count(Outcome.PAUSED));
        assertEquals(1.0, redirector.metrics.count(Outcome.EXPIRED));
        assertEquals(1.0, registry.get("linkops.redirect.not_ready").counter().count(),
                "before any snapshot an unknown code is also counted as not ready");
    }

    @Test
    void aFailureWhileRoutingAKnownCodeServesTheLinksFallbackInsteadOfAnError() {
        redirector = build(new AvailabilityTable() {
            @Override
            public AvailabilitySignal signal(String sku, String market) {
                throw new IllegalStateException("boom");
            }
        });
        redirector.links.apply(Fixtures.speakerLink("spk", "SPK-1", 1, LinkStatus.LIVE));
        Redirect redirect = redirector.resolve("spk", "gclid=1", PERSON, Instant.now());
        assertEquals(302, redirect.status());
        assertEquals(Fixtures.SHOP + "/c/speakers", redirect.location());
        assertEquals("ERROR_FALLBACK", takeClicks().get(0).outcome());
        assertEquals(1.0, redirector.metrics.count(Outcome.ERROR_FALLBACK));
    }
}
