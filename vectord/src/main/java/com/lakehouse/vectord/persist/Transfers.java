package com.lakehouse.vectord.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.lakehouse.shared.error.UnavailableException;

/**
 * Runs object transfers a few at a time on virtual threads. storaged admits a handful of concurrent
 * uploads and answers 503 beyond them, so the width stays under its default of four, and a 503 is
 * retried a few times before it counts as a failure.
 */
final class Transfers {

    static final int WIDTH = 3;
    private static final int ATTEMPTS = 4;

    private Transfers() {
    }

    static void runAll(List<Runnable> transfers) {
        if (transfers.isEmpty()) {
            return;
        }
        Semaphore slots = new Semaphore(WIDTH);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable transfer : transfers) {
                futures.add(executor.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        withRetry(transfer);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted during a transfer", e);
        }
    }

    static void withRetry(Runnable transfer) {
        for (int attempt = 1; ; attempt++) {
            try {
                transfer.run();
                return;
            } catch (UnavailableException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
