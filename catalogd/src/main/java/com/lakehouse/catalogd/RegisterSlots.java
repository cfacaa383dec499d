package com.lakehouse.catalogd;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.lakehouse.shared.error.UnavailableException;

/**
 * At most {@code max_concurrent_registers} registers hold a body in memory at once (issue 21): the
 * next waits up to {@code register_wait} for a slot, then gets 503 with {@code Retry-After}. A slot is
 * taken before the body is read, so a crowd of large registers cannot exhaust the heap.
 */
final class RegisterSlots {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final Semaphore slots;
    private final int count;
    private final Duration wait;

    RegisterSlots(int count, Duration wait) {
        if (count < 1) {
            throw new IllegalArgumentException("[catalogd] max_concurrent_registers must be at least 1");
        }
        this.slots = new Semaphore(count, true);
        this.count = count;
        this.wait = wait;
    }

    <T> T run(Supplier<T> register) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return register.get();
        } finally {
            slots.release();
        }
    }

    private UnavailableException busy() {
        return new UnavailableException("catalogd is already taking " + count + " registers ([catalogd] "
                + "max_concurrent_registers) and none finished within " + wait.toMillis() + " ms ([catalogd] register_wait); "
                + "nothing changed, retry later", RETRY_AFTER, null);
    }
}
