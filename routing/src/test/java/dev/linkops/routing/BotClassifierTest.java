package dev.linkops.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BotClassifierTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36";
    private static final BotClassifier BOTS = BotClassifier.standard();

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/125.0.6422.175 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Slackbot 1.0 (+https://api.slack.com/robots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Twitterbot/1.0",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "WhatsApp/2.23.20.0 A",
            "TelegramBot (like TwitterBot)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/125.0.0.0 Safari/537.36",
            "python-requests/2.31.0",
            "Python-urllib/3.11",
            "Go-http-client/1.1",
            "Java/17.0.2",
            "Java-http-client/21.0.1",
            "okhttp/4.12.0",
            "axios/1.6.8",
            "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
            "Apache-HttpClient/4.5.14 (Java/17.0.2)",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 "
                    + "Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
            "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)",
            "Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)",
            "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)",
            "Iframely/1.3.1 (+https://iframely.com/docs/about) Atlassian",
            "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)",
            "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)",
            "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
            "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
            "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
            "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
            "Scrapy/2.11.0 (+https://scrapy.org)",
            "Faraday v2.9.0",
            "GuzzleHttp/7",
            "SOMEBRAND-CRAWLER 2.0",
    })
    void crawlersUnfurlersAndLibrariesAreBots(String userAgent) {
        assertTrue(BOTS.isBot("GET", userAgent, null, null, null), userAgent);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CHROME,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 [FBAN/FBIOS;FBAV/460.0.0.36.105;FBBV/590106434;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS]",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 Instagram 330.0.0.18.86 (iPhone15,2; iOS 17_4; en_US; en; scale=3.00)",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 "
                    + "Mobile Safari/537.36 Line/13.20.1",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
            "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 9; CUBOT KINGKONG 5 Pro) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/120.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Safari/537.36 OPR/111.0.0.0",
    })
    void browsersAndInAppBrowsersAreNotBots(String userAgent) {
        assertFalse(BOTS.isBot("GET", userAgent, null, null, null), userAgent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl/8.5.0", "Wget/1.21.4", "PostmanRuntime/7.37.3", "insomnia/2023.5.8"})
    void personCheckingALinkFromATerminalOrApiToolIsNotABot(String userAgent) {
        assertFalse(BOTS.isBot("GET", userAgent, null, null, null));
    }

    @Test
    void headRequestIsABotWhateverItsUserAgent() {
        assertTrue(BOTS.isBot("HEAD", CHROME, null, null, null));
        assertTrue(BOTS.isBot("head", CHROME, null, null, null));
        assertFalse(BOTS.isBot("GET", CHROME, null, null, null));
    }

    @Test
    void missingUserAgentIsABot() {
        assertTrue(BOTS.isBot("GET", null, null, null, null));
        assertTrue(BOTS.isBot("GET", "  ", null, null, null));
    }

    @Test
    void purposePrefetchHeaderMarksABot() {
        assertTrue(BOTS.isBot("GET", CHROME, "prefetch", null, null));
        assertTrue(BOTS.isBot("GET", CHROME, "Prefetch", null, null));
    }

    @Test
    void secPurposePrefetchOrPrerenderMarksABot() {
        assertTrue(BOTS.isBot("GET", CHROME, null, "prefetch", null));
        assertTrue(BOTS.isBot("GET", CHROME, null, "prefetch;prerender", null));
        assertTrue(BOTS.isBot("GET", CHROME, null, "prefetch;anonymous-client-ip", null));
    }

    @Test
    void firefoxXMozPrefetchMarksABot() {
        assertTrue(BOTS.isBot("GET", CHROME, null, null, "prefetch"));
    }

    @Test
    void safariPreviewPassedAsPurposeMarksABot() {
        assertTrue(BOTS.isBot("GET", CHROME, "preview", null, null));
    }

    @Test
    void otherPurposeValuesAreNotPrefetches() {
        assertFalse(BotClassifier.isPrefetch("", "", null));
        assertFalse(BotClassifier.isPrefetch("navigate", null, null));
    }

    @Test
    void additionalTokensFlagMoreAgentsIgnoringCase() {
        BotClassifier withMonitor = BotClassifier.withAdditionalTokens(List.of("AcmeMonitor", " "));

        assertTrue(withMonitor.isBotUserAgent("ACMEMONITOR/1.0"));
        assertTrue(withMonitor.isBotUserAgent("Googlebot/2.1"));
        assertFalse(BOTS.isBotUserAgent("AcmeMonitor/1.0"));
    }

    @Test
    void tokensMustStartWithAnAsciiCharacter() {
        assertThrows(IllegalArgumentException.class, () -> BotClassifier.withAdditionalTokens(List.of("ébot")));
    }
}
