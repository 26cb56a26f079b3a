package dev.linkops.redirect.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) click ids from a per-thread generator: UUID.randomUUID() shares one SecureRandom
 * between event-loop threads. Click ids must be unique, not secret.
 */
public final class ClickIds {
    private ClickIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
