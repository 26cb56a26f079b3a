package dev.linkops.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Flags requests that are not a person following a link: HEAD requests, prefetches and previews,
 * crawlers, link unfurlers, monitors, headless browsers and HTTP libraries. They are still redirected;
 * the flag keeps them out of reports and alert thresholds.
 *
 * <p>curl, wget, Postman and Insomnia are deliberately not flagged: on a link they are almost always a
 * person checking it.
 */
public final class BotClassifier {

    /** Matched case-insensitively anywhere in the User-Agent. */
    static final String[] USER_AGENT_TOKENS = {
            // generic markers: "Somethingbot/1.0", "+http://example.com/bot.html"
            "bot/", "-bot", "_bot", "+http", "crawler", "crawl/", "spider", "scraper",
            "fetcher", "url preview", "link preview", "preview/",
            // search and AI crawlers
            "googlebot", "adsbot-google", "mediapartners-google", "apis-google", "feedfetcher-google",
            "google-inspectiontool", "googleother", "google-read-aloud", "google web preview", "storebot-google",
            "google-safety", "bingbot", "bingpreview", "msnbot", "adidxbot", "yandex.com/bots", "baiduspider",
            "duckduckbot", "applebot", "exabot", "petalbot", "bytespider", "ia_archiver",
            "archive.org_bot", "semrushbot", "ahrefsbot", "mj12bot", "dotbot", "gptbot", "chatgpt-user",
            "oai-searchbot", "claudebot", "claude-web", "anthropic-ai", "perplexitybot", "ccbot", "amazonbot",
            // link unfurlers and previewers
            "slackbot", "slack-imgproxy", "facebookexternalhit", "facebookcatalog", "meta-externalagent",
            "meta-externalfetcher", "twitterbot", "linkedinbot", "whatsapp", "telegrambot", "discordbot",
            "skypeuripreview", "microsoftpreview", "pinterestbot", "redditbot", "embedly", "iframely",
            "vkshare", "flipboardproxy", "nuzzel", "quora link preview", "bitlybot", "mastodon",
            "cardyb", "kakaotalk-scrap", "line-poker", "snap url preview",
            // monitors, audits and headless browsers
            "headless", "phantomjs", "puppeteer", "playwright", "selenium", "webdriver", "lighthouse",
            "pagespeed", "gtmetrix", "pingdom", "uptimerobot", "statuscake", "site24x7", "datadog",
            "newrelicpinger", "w3c_validator", "checklink",
            // HTTP libraries
            "python-", "python/", "aiohttp", "httpx", "go-http-client", "java/", "java-http-client", "okhttp",
            "apache-httpclient", "jakarta commons-httpclient", "axios/", "node-fetch", "undici", "got (",
            "libwww-perl", "lwp::", "http.rb/", "faraday", "guzzlehttp", "scrapy", "httpclient", "winhttp",
            "reqwest", "dart:io",
    };

    /** Values of Purpose / Sec-Purpose / X-Moz / X-Purpose that mean "not a navigation yet". */
    private static final TokenSet PREFETCH = new TokenSet("prefetch", "prerender", "preview");

    private static final BotClassifier STANDARD = new BotClassifier(new TokenSet(USER_AGENT_TOKENS));

    private final TokenSet userAgentTokens;

    private BotClassifier(TokenSet userAgentTokens) {
        this.userAgentTokens = userAgentTokens;
    }

    public static BotClassifier standard() {
        return STANDARD;
    }

    /** The standard tokens plus site-specific ones (matched case-insensitively). */
    public static BotClassifier withAdditionalTokens(List<String> tokens) {
        List<String> all = new ArrayList<>(Arrays.asList(USER_AGENT_TOKENS));
        for (String token : tokens) {
            if (token != null && !token.isBlank()) {
                all.add(token.toLowerCase(Locale.ROOT));
            }
        }
        return new BotClassifier(new TokenSet(all.toArray(String[]::new)));
    }

    /**
     * @param method     the HTTP method; HEAD is never a person following a link
     * @param userAgent  the User-Agent header; a request without one is flagged, browsers always send it
     * @param purpose    the Purpose header, or X-Purpose when Purpose is absent (Safari's "preview")
     * @param secPurpose the Sec-Purpose header (Chromium speculation rules)
     * @param xMoz       the X-Moz header (Firefox)
     */
    public boolean isBot(String method, String userAgent, String purpose, String secPurpose, String xMoz) {
        return "HEAD".equalsIgnoreCase(method)
                || isPrefetch(purpose, secPurpose, xMoz)
                || isBotUserAgent(userAgent);
    }

    public boolean isBotUserAgent(String userAgent) {
        return userAgent == null || userAgent.isBlank() || userAgentTokens.foundIn(userAgent);
    }

    public static boolean isPrefetch(String purpose, String secPurpose, String xMoz) {
        return PREFETCH.foundIn(purpose) || PREFETCH.foundIn(secPurpose) || PREFETCH.foundIn(xMoz);
    }
}
