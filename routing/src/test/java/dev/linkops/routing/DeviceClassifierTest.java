package dev.linkops.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeviceClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 "
                    + "Chrome/117.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Android 14; Mobile; rv:126.0) Gecko/126.0 Firefox/126.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Mobile/15E148 Instagram 330.0.0.18.86 (iPhone15,2; iOS 17_4; en_US; en; scale=3.00)",
            "Mozilla/5.0 (Linux; Android 12; SM-G991B Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/460.0.0.48.109;]",
            "Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54",
            "Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.14977",
            "Mozilla/5.0 (BB10; Touch) AppleWebKit/537.10+ (KHTML, like Gecko) Version/10.0.9.2372",
            "Mozilla/5.0 (iPod touch; CPU iPhone OS 15_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    })
    void phonesAreMobile(String userAgent) {
        assertEquals("mobile", DeviceClassifier.fromUserAgent(userAgent));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
                    + "Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Safari/537.36",
            "Mozilla/5.0 (Android 14; Tablet; rv:126.0) Gecko/126.0 Firefox/126.0",
            "Mozilla/5.0 (Linux; Android 9; KFMAWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/124.2.1 "
                    + "like Chrome/124.0.6367.219 Safari/537.36",
            "Mozilla/5.0 (X11; U; Linux armv7l like Android; en-us) AppleWebKit/531.2+ (KHTML, like Gecko) "
                    + "Version/5.0 Safari/533.2+ Kindle/3.0+",
    })
    void tabletsAreTablets(String userAgent) {
        assertEquals("tablet", DeviceClassifier.fromUserAgent(userAgent));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
                    + "Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Safari/537.36 Edg/125.0.2535.67",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 "
                    + "Safari/537.36",
            "curl/8.5.0",
    })
    void computersAreDesktop(String userAgent) {
        assertEquals("desktop", DeviceClassifier.fromUserAgent(userAgent));
    }

    @Test
    void missingUserAgentCountsAsDesktop() {
        assertEquals("desktop", DeviceClassifier.fromUserAgent(null));
        assertEquals("desktop", DeviceClassifier.fromUserAgent(""));
    }

    @Test
    void matchingIgnoresCase() {
        assertEquals("mobile", DeviceClassifier.fromUserAgent("SOMETHING IPHONE"));
        assertEquals("tablet", DeviceClassifier.fromUserAgent("something ipad"));
    }

    @Test
    void iPadAskingForTheDesktopSiteCannotBeToldFromAMac() {
        assertEquals("desktop", DeviceClassifier.fromUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"));
    }

    @Test
    void resultsAreTheConstantsDeviceConditionsUse() {
        assertEquals(DeviceClassifier.MOBILE, "mobile");
        assertEquals(DeviceClassifier.TABLET, "tablet");
        assertEquals(DeviceClassifier.DESKTOP, "desktop");
    }
}
