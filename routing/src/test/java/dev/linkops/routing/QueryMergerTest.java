package dev.linkops.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryMergerTest {

    private static final String PDP = "https://shop.example/p/1";
    private static final Map<String, String> NO_UTM = Map.of();

    private static Map<String, String> utm(String... keysAndValues) {
        Map<String, String> utm = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            utm.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return utm;
    }

    private static String merge(String destination, Map<String, String> utm, String incoming) {
        return QueryMerger.merge(destination, utm, incoming, null, null);
    }

    // --- UTM: the link owns utm_*

    @Test
    void linkUtmIsAddedToADestinationWithoutQuery() {
        assertEquals(PDP + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring",
                merge(PDP, utm("source", "newsletter", "medium", "email", "campaign", "spring"), null));
    }

    @Test
    void utmOrderIsFixedWhateverOrderTheMapHas() {
        Map<String, String> shuffled = new HashMap<>(utm("custom_b", "6", "content", "4", "term", "3", "id", "5",
                "custom_a", "7", "campaign", "2", "medium", "1", "source", "0"));

        assertEquals(PDP + "?utm_source=0&utm_medium=1&utm_campaign=2&utm_term=3&utm_content=4&utm_id=5"
                + "&utm_custom_a=7&utm_custom_b=6", merge(PDP, shuffled, null));
    }

    @Test
    void utmKeysMayBeGivenWithTheirPrefixAndInAnyCase() {
        assertEquals(PDP + "?utm_source=a&utm_medium=b", merge(PDP, utm("UTM_Source", "a", "Medium", "b"), null));
    }

    @Test
    void blankUtmValuesAreLeftOut() {
        assertEquals(PDP + "?utm_source=nl", merge(PDP, utm("source", "nl", "medium", "", "campaign", " "), null));
    }

    @Test
    void utmValuesArePercentEncodedKeepingOnlyUnreservedCharacters() {
        assertEquals(PDP + "?utm_source=a%26b%3Dc%2Bd%20e%23f%25g%3Fh%2Fi~j_k.l-m",
                merge(PDP, utm("source", "a&b=c+d e#f%g?h/i~j_k.l-m"), null));
    }

    @Test
    void utmValuesWithUnicodeArePercentEncodedAsUtf8() {
        assertEquals(PDP + "?utm_campaign=%C3%A9t%C3%A9%202025%20%E2%82%AC%20%F0%9F%91%9F",
                merge(PDP, utm("campaign", "été 2025 € 👟"), null));
    }

    @Test
    void destinationUtmSetByTheLinkIsReplacedInPlace() {
        assertEquals(PDP + "?utm_source=nl&color=red&utm_medium=email",
                merge(PDP + "?utm_source=old&color=red&utm_medium=old", utm("source", "nl", "medium", "email"), null));
    }

    @Test
    void destinationUtmTheLinkDoesNotSetIsRemoved() {
        assertEquals(PDP + "?color=red&utm_source=nl",
                merge(PDP + "?utm_campaign=old&color=red&utm_content=banner", utm("source", "nl"), null));
    }

    @Test
    void destinationUtmIsRemovedWhenTheLinkHasNoUtm() {
        assertEquals(PDP + "?color=red", merge(PDP + "?utm_source=old&color=red", NO_UTM, null));
        assertEquals(PDP, merge(PDP + "?utm_source=old", NO_UTM, null));
    }

    @Test
    void destinationUtmInAnyCaseBelongsToTheLink() {
        assertEquals(PDP + "?utm_source=nl&x=1", merge(PDP + "?UTM_Source=old&x=1", utm("source", "nl"), null));
    }

    @Test
    void destinationUtmGivenTwiceIsWrittenOnce() {
        assertEquals(PDP + "?utm_source=nl&x=1",
                merge(PDP + "?utm_source=a&x=1&utm_source=b", utm("source", "nl"), null));
    }

    @Test
    void incomingUtmIsIgnoredInAnyCase() {
        assertEquals(PDP + "?utm_source=nl&gclid=1",
                merge(PDP, utm("source", "nl"), "utm_source=evil&Utm_Medium=x&UTM_CAMPAIGN&gclid=1"));
    }

    @Test
    void incomingUtmIsIgnoredEvenWhenTheLinkHasNone() {
        assertEquals(PDP + "?gclid=1", merge(PDP, NO_UTM, "utm_source=google&gclid=1"));
    }

    @Test
    void nullUtmMapMeansNoUtm() {
        assertEquals(PDP + "?a=1", QueryMerger.merge(PDP, (Map<String, String>) null, "a=1", null, null));
        assertEquals(PDP + "?a=1", QueryMerger.merge(PDP, (UtmParameters) null, "a=1", null, null));
    }

    @Test
    void precompiledUtmGivesTheSameResultAsTheMap() {
        Map<String, String> map = utm("source", "nl", "campaign", "sale 50%");
        String incoming = "gclid=1&utm_source=x";

        assertEquals(QueryMerger.merge(PDP + "?utm_medium=old", map, incoming, "lo_cid", "c1"),
                QueryMerger.merge(PDP + "?utm_medium=old", UtmParameters.of(map), incoming, "lo_cid", "c1"));
    }

    // --- incoming parameters

    @Test
    void incomingParametersAreAppendedAfterTheDestinationsAndTheLinksUtm() {
        assertEquals(PDP + "?color=red&utm_source=nl&gclid=abc&fbclid=xyz",
                merge(PDP + "?color=red", utm("source", "nl"), "gclid=abc&fbclid=xyz"));
    }

    @Test
    void incomingKeyTheDestinationHasReplacesItInPlace() {
        assertEquals(PDP + "?color=red&size=44&ref=promo&gclid=1",
                merge(PDP + "?color=red&size=42&ref=promo", NO_UTM, "size=44&gclid=1"));
    }

    @Test
    void keysAreComparedCaseSensitively() {
        assertEquals(PDP + "?Color=red&color=blue", merge(PDP + "?Color=red", NO_UTM, "color=blue"));
    }

    @Test
    void keysAreComparedAsRawBytesNotDecoded() {
        assertEquals(PDP + "?q=1&%71=2", merge(PDP + "?q=1", NO_UTM, "%71=2"));
    }

    @Test
    void percentEncodingIsKeptByteForByte() {
        String incoming = "q=red%20shoes&r=a%2Bb&s=%E2%82%AC&t=%zz&u=%2526&v=100%25&w=a%3Db%26c";

        assertEquals(PDP + "?" + incoming, merge(PDP, NO_UTM, incoming));
    }

    @Test
    void lowerCaseHexIsNotNormalised() {
        assertEquals(PDP + "?s=%e2%82%ac", merge(PDP, NO_UTM, "s=%e2%82%ac"));
    }

    @Test
    void plusStaysPlusAndPercentTwentyStaysPercentTwenty() {
        assertEquals(PDP + "?q=red+shoes&r=red%20shoes&s=a%2Bb", merge(PDP, NO_UTM, "q=red+shoes&r=red%20shoes&s=a%2Bb"));
    }

    @Test
    void rawUnicodeCharactersPassUnchanged() {
        assertEquals(PDP + "?q=café&k=日本&e=👟", merge(PDP, NO_UTM, "q=café&k=日本&e=👟"));
    }

    @Test
    void percentEncodedUnicodeInTheDestinationPassesUnchanged() {
        assertEquals("https://shop.example/caf%C3%A9?q=%E6%97%A5&x=1",
                merge("https://shop.example/caf%C3%A9?q=%E6%97%A5", NO_UTM, "x=1"));
    }

    @Test
    void repeatedIncomingKeysKeepEveryValueInOrder() {
        assertEquals(PDP + "?tag=a&x=1&tag=b&tag=c", merge(PDP, NO_UTM, "tag=a&x=1&tag=b&tag=c"));
    }

    @Test
    void repeatedIncomingKeyTheDestinationHasTakesItsPlaceWithEveryValue() {
        assertEquals(PDP + "?tag=a&tag=b&color=red&gclid=1",
                merge(PDP + "?tag=x&color=red", NO_UTM, "tag=a&gclid=1&tag=b"));
    }

    @Test
    void incomingKeyReplacesEveryDestinationOccurrence() {
        assertEquals(PDP + "?tag=a&color=red", merge(PDP + "?tag=x&color=red&tag=y", NO_UTM, "tag=a"));
    }

    @Test
    void repeatedDestinationKeysStayWhenTheRequestDoesNotHaveThem() {
        assertEquals(PDP + "?tag=x&tag=y&z=1", merge(PDP + "?tag=x&tag=y", NO_UTM, "z=1"));
    }

    @Test
    void keyWithoutEqualsSignStaysWithoutIt() {
        assertEquals(PDP + "?debug&x=1&flag", merge(PDP, NO_UTM, "debug&x=1&flag"));
        assertEquals(PDP + "?preview&x=1", merge(PDP + "?preview", NO_UTM, "x=1"));
    }

    @Test
    void keyWithoutEqualsSignReplacesAndIsReplacedByTheSameKey() {
        assertEquals(PDP + "?preview=1", merge(PDP + "?preview", NO_UTM, "preview=1"));
        assertEquals(PDP + "?preview", merge(PDP + "?preview=1", NO_UTM, "preview"));
    }

    @Test
    void emptyValuesKeepTheirEqualsSign() {
        assertEquals(PDP + "?a=&b=&c", merge(PDP, NO_UTM, "a=&b=&c"));
        assertEquals(PDP + "?color=", merge(PDP + "?color=red", NO_UTM, "color="));
    }

    @Test
    void valuesContainingEqualsSignsAreKeptWhole() {
        assertEquals(PDP + "?token=abc==&x=a=b", merge(PDP + "?token=old", NO_UTM, "token=abc==&x=a=b"));
    }

    @Test
    void emptyKeyIsKeptLikeAnyOtherKey() {
        assertEquals(PDP + "?=x&a=1", merge(PDP, NO_UTM, "=x&a=1"));
    }

    @Test
    void emptySegmentsAreDropped() {
        assertEquals(PDP + "?x=1&y=2&a=1&b=2", merge(PDP + "?&x=1&&y=2&", NO_UTM, "&&a=1&&b=2&"));
    }

    @Test
    void leadingQuestionMarkOfTheIncomingQueryIsSkipped() {
        assertEquals(PDP + "?a=1", merge(PDP, NO_UTM, "?a=1"));
    }

    @Test
    void nullAndEmptyIncomingQueriesAddNothing() {
        assertEquals(PDP + "?color=red", merge(PDP + "?color=red", NO_UTM, null));
        assertEquals(PDP + "?color=red", merge(PDP + "?color=red", NO_UTM, ""));
        assertEquals(PDP + "?color=red", merge(PDP + "?color=red", NO_UTM, "?"));
    }

    @Test
    void destinationWithoutAnyParameterIsReturnedAsItIs() {
        assertEquals(PDP, merge(PDP, NO_UTM, null));
        assertEquals("https://shop.example", merge("https://shop.example", NO_UTM, ""));
    }

    @Test
    void bareQuestionMarkWithNothingBehindItIsDropped() {
        assertEquals(PDP, merge(PDP + "?", NO_UTM, null));
        assertEquals(PDP + "?a=1", merge(PDP + "?", NO_UTM, "a=1"));
    }

    @Test
    void spacesAndControlCharactersAreEncodedSoTheHeaderCannotBeSplit() {
        assertEquals(PDP + "?a=b%20c&d=%0D%0ASet-Cookie:%20x&e=%09%7F",
                merge(PDP, NO_UTM, "a=b c&d=\r\nSet-Cookie: x&e=\t\u007f"));
    }

    // --- fragments

    @Test
    void destinationFragmentStaysLast() {
        assertEquals(PDP + "?color=red&utm_source=nl&gclid=1&lo_cid=c1#reviews",
                QueryMerger.merge(PDP + "?color=red#reviews", utm("source", "nl"), "gclid=1", "lo_cid", "c1"));
    }

    @Test
    void fragmentWithoutQueryGetsTheQueryInFrontOfIt() {
        assertEquals(PDP + "?a=1#top", merge(PDP + "#top", NO_UTM, "a=1"));
    }

    @Test
    void questionMarkAndAmpersandInsideTheFragmentBelongToTheFragment() {
        assertEquals(PDP + "?a=1#/cart?step=2&x=y", merge(PDP + "#/cart?step=2&x=y", NO_UTM, "a=1"));
        assertEquals(PDP + "?k=v&a=1#/cart?step=2", merge(PDP + "?k=v#/cart?step=2", NO_UTM, "a=1"));
    }

    @Test
    void emptyFragmentIsKept() {
        assertEquals(PDP + "?a=1#", merge(PDP + "#", NO_UTM, "a=1"));
    }

    @Test
    void incomingQueryEndsAtAFragmentCharacter() {
        assertEquals(PDP + "?a=1#reviews", merge(PDP + "#reviews", NO_UTM, "a=1#evil&b=2"));
    }

    // --- click id

    @Test
    void clickIdIsAppendedLast() {
        assertEquals(PDP + "?color=red&utm_source=nl&gclid=1&lo_cid=6f1c2a",
                QueryMerger.merge(PDP + "?color=red", utm("source", "nl"), "gclid=1", "lo_cid", "6f1c2a"));
    }

    @Test
    void clickIdIsLeftOutWhenTheParameterIsOff() {
        assertEquals(PDP + "?gclid=1", QueryMerger.merge(PDP, NO_UTM, "gclid=1", null, "6f1c2a"));
        assertEquals(PDP + "?gclid=1", QueryMerger.merge(PDP, NO_UTM, "gclid=1", "", "6f1c2a"));
    }

    @Test
    void clickIdIsLeftOutWhenThereIsNoId() {
        assertEquals(PDP + "?gclid=1", QueryMerger.merge(PDP, NO_UTM, "gclid=1", "lo_cid", null));
    }

    @Test
    void incomingClickIdIsReplacedByOurs() {
        assertEquals(PDP + "?x=1&lo_cid=real",
                QueryMerger.merge(PDP, NO_UTM, "lo_cid=forged&x=1&lo_cid=again", "lo_cid", "real"));
    }

    @Test
    void destinationClickIdIsReplacedByOursAtTheEnd() {
        assertEquals(PDP + "?a=1&b=2&lo_cid=real", QueryMerger.merge(PDP + "?lo_cid=old&a=1", NO_UTM, "b=2", "lo_cid", "real"));
    }

    @Test
    void incomingClickIdParameterPassesThroughWhenClickIdIsOff() {
        assertEquals(PDP + "?lo_cid=abc", QueryMerger.merge(PDP, NO_UTM, "lo_cid=abc", null, null));
    }

    @Test
    void clickIdParameterNameIsConfigurable() {
        assertEquals(PDP + "?lo_cid=keep&cid=c9", QueryMerger.merge(PDP, NO_UTM, "lo_cid=keep&cid=x", "cid", "c9"));
    }

    @Test
    void clickIdIsPercentEncoded() {
        assertEquals(PDP + "?lo_cid=a%20b%2Fc", QueryMerger.merge(PDP, NO_UTM, null, "lo_cid", "a b/c"));
    }

    // --- everything at once, and size

    @Test
    void everyRuleAppliesTogether() {
        String destination = "https://shop.example/c/shoes?sort=price&utm_source=cms&color=red&utm_term=x&view#grid";
        String incoming = "color=blue&gclid=G1&utm_source=ads&color=green&q=red+shoes%21&view=list&flag&lo_cid=forged&e=";

        assertEquals("https://shop.example/c/shoes?sort=price&utm_source=newsletter&color=blue&color=green&view=list"
                        + "&utm_medium=email&utm_campaign=spring%20sale&gclid=G1&q=red+shoes%21&flag&e=&lo_cid=CID#grid",
                QueryMerger.merge(destination, utm("source", "newsletter", "medium", "email", "campaign", "spring sale"),
                        incoming, "lo_cid", "CID"));
    }

    @Test
    void eightKilobyteQueryIsMergedWhole() {
        StringBuilder incoming = new StringBuilder();
        for (int i = 0; incoming.length() < 8192; i++) {
            if (i > 0) {
                incoming.append('&');
            }
            incoming.append(String.format("p%04d=%%E2%%82%%AC+value-%04d", i, i));
        }

        assertEquals(PDP + "?color=red&utm_source=nl&" + incoming + "&lo_cid=c1",
                QueryMerger.merge(PDP + "?color=red", utm("source", "nl"), incoming.toString(), "lo_cid", "c1"));
    }

    @Test
    void eightKilobyteQueryReplacingADestinationKeyKeepsItsPlace() {
        String big = "x".repeat(8192);

        assertEquals(PDP + "?a=1&big=" + big + "&z=2&k",
                merge(PDP + "?a=1&big=small&z=2", NO_UTM, "big=" + big + "&k"));
    }

    @Test
    void eightKilobytesOfKeysWithoutValuesAreMergedWhole() {
        String incoming = "k&".repeat(4096) + "last";

        assertEquals(PDP + "?" + "k&".repeat(4096) + "last", merge(PDP, NO_UTM, incoming));
    }
}
