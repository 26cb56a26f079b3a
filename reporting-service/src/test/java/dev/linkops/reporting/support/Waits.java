package dev.linkops.reporting.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

public final class Waits {
    private Waits() {
    }

    /** Polls until the condition holds; fails the test with the message after the timeout. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
}
