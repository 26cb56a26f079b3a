package dev.linkops.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PercentEncodingTest {

    @Test
    void unreservedTextIsReturnedAsTheSameInstance() {
        String value = "Spring-Sale_2025.v2~final";

        assertSame(value, PercentEncoding.encode(value));
    }

    @Test
    void everyReservedAsciiCharacterIsEncodedWithUpperCaseHex() {
        assertEquals("%21%23%24%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D%20%25%22%3C%3E%5C%5E%60%7B%7C%7D",
                PercentEncoding.encode("!#$&'()*+,/:;=?@[] %\"<>\\^`{|}"));
    }

    @Test
    void twoThreeAndFourByteCharactersAreEncodedAsUtf8() {
        assertEquals("%C3%A9%E2%82%AC%F0%9F%91%9F", PercentEncoding.encode("é€👟"));
    }

    @Test
    void loneSurrogateIsEncodedAsTheReplacementCharacter() {
        assertEquals("a%EF%BF%BDb%EF%BF%BD", PercentEncoding.encode("a\uD83Db\uDC5F"));
    }

    @Test
    void controlCharactersAreEncoded() {
        assertEquals("%00%0A%0D%7F", PercentEncoding.encode("\u0000\n\r\u007f"));
    }
}
