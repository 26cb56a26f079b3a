package dev.linkops.redirect.api;

import dev.linkops.redirect.domain.Visitor;
import dev.linkops.routing.BotClassifier;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VisitorReaderTest {
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1";
    private final VisitorReader reader = new VisitorReader(BotClassifier.standard());

    private Visitor get(String ua, String geo, String acceptLanguage) {
        return reader.read("GET", ua, geo, acceptLanguage, null, null, null, null, null, null, null);
    }

    @Test
    void theCdnCountryHeaderWinsOverAcceptLanguage() {
        Visitor v = get(IPHONE, "ca", "en-US,en;q=0.9");
        assertEquals("CA", v.context().market());
        assertEquals("en", v.context().language());
        assertEquals("mobile", v.context().device());
    }

    @Test
    void withoutAUsableCountryHeaderTheMarketComesFromAcceptLanguage() {
        assertEquals("GB", get(IPHONE, null, "en-GB,en;q=0.9").context().market());
        assertEquals("GB", get(IPHONE, "XX", "en_gb").context().market());
        assertNull(get(IPHONE, null, "zh-Hant-TW").context().market(), "a script subtag is not a region");
        assertNull(get(IPHONE, null, "fr").context().market());
        assertNull(get(IPHONE, null, null).context().market());
    }

    @Test
    void theSegmentComesFromTheSegParameterThenTheCookie() {
        assertEquals("vip", reader.read("GET", IPHONE, null, null, null, "seg=other", "a=1&seg=vip", null, null, null, null)
                .context().segment());
        assertEquals("loyal", reader.read("GET", IPHONE, null, null, null, "x=1; seg=loyal; y=2", "segment=no", null, null, null, null)
                .context().segment());
    }

    @Test
    void onlyTheRefererHostIsKept() {
        Visitor v = reader.read("GET", IPHONE, null, null, "https://user:pw@News.Example.com:8443/a?email=x@y", null,
                null, null, null, null, null);
        assertEquals("news.example.com", v.referrerHost());
        assertNull(reader.read("GET", IPHONE, null, null, "not a url", null, null, null, null, null, null).referrerHost());
    }

    @Test
    void headRequestsPrefetchesUnfurlersAndCrawlersAreFlaggedButPeopleAreNot() {
        assertFalse(get(IPHONE, null, null).bot());
        assertTrue(reader.read("HEAD", IPHONE, null, null, null, null, null, null, null, null, null).bot());
        assertTrue(reader.read("GET", IPHONE, null, null, null, null, null, null, "prefetch;prerender", null, null).bot());
        assertTrue(reader.read("GET", IPHONE, null, null, null, null, null, "prefetch", null, null, null).bot());
        assertTrue(get("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", null, null).bot());
        assertTrue(get("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", null, null).bot());
        assertTrue(get(null, null, null).bot(), "browsers always send a User-Agent");
    }

    @Test
    void reservedPlatformPathsAreNeverCodes() {
        assertTrue(RedirectRoutes.isReserved("q"));
        assertTrue(RedirectRoutes.isReserved("internal"));
        assertFalse(RedirectRoutes.isReserved("spk-weekend"));
    }
}
