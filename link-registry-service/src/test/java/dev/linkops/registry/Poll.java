package dev.linkops.registry;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something asynchronous (the broker, a consumer) to become true. */
public final class Poll {
    private Poll() {
    }

    public static void until(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
