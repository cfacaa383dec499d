package com.lakehouse.shared.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition the way every IT waits for a process or a background flush. */
public final class Await {

    private static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    /** Waits up to 30 s for {@code condition}; fails naming {@code what}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition, () -> "");
    }

    /** Waits up to {@code timeout}; on failure the message adds {@code context} (e.g. a log tail). */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> context) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                String more = context.get();
                throw new AssertionError("timed out waiting for " + what + (more.isEmpty() ? "" : "\n" + more));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
