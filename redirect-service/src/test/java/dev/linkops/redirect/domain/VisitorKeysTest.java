package dev.linkops.redirect.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unique clicks rest on these keys: stable for a visitor within a UTC day, unlinkable across days. */
class VisitorKeysTest {
    private static final String UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1";
    private static final Instant MORNING = Instant.parse("2026-12-05T00:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-12-05T23:59:59.999Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-12-06T00:00:00Z");

    private final VisitorKeys keys = VisitorKeys.of("a-secret-of-at-least-16-bytes");

    @Test
    void oneVisitorKeepsOneKeyForTheWholeUtcDay() {
        String key = keys.key("203.0.113.7", UA, MORNING);
        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertEquals(key, keys.key("203.0.113.7", UA, NIGHT));
    }

    @Test
    void theNextDayTheSameVisitorGetsAKeyThatCannotBeLinkedToYesterdays() {
        assertNotEquals(keys.key("203.0.113.7", UA, NIGHT), keys.key("203.0.113.7", UA, NEXT_DAY));
    }

    @Test
    void anotherAddressOrBrowserIsAnotherVisitor() {
        String key = keys.key("203.0.113.7", UA, MORNING);
        assertNotEquals(key, keys.key("203.0.113.8", UA, MORNING));
        assertNotEquals(key, keys.key("203.0.113.7", UA + " Edg/131", MORNING));
        // the separator keeps address and agent apart: "1.2.3.4" + "5x" is not "1.2.3.45" + "x"
        assertNotEquals(keys.key("1.2.3.4", "5x", MORNING), keys.key("1.2.3.45", "x", MORNING));
    }

    @Test
    void replicasWithTheSameSecretAgreeAndOtherSecretsDoNot() {
        String key = keys.key("203.0.113.7", UA, MORNING);
        assertEquals(key, VisitorKeys.of("a-secret-of-at-least-16-bytes").key("203.0.113.7", UA, MORNING));
        assertNotEquals(key, VisitorKeys.of("another-secret-of-16-bytes").key("203.0.113.7", UA, MORNING));
        assertNotEquals(key, VisitorKeys.random().key("203.0.113.7", UA, MORNING));
    }

    @Test
    void theKeyDoesNotContainTheAddress() {
        String key = keys.key("203.0.113.7", UA, MORNING);
        assertFalse(key.contains("203") && key.contains("113"), key);
    }

    @Test
    void nothingToGoOnGivesNoKeyAndAShortSecretIsRefused() {
        assertNull(keys.key(null, null, MORNING));
        assertThrows(IllegalArgumentException.class, () -> VisitorKeys.of("short"));
    }
}
