package com.lakehouse.shared.journal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers items to a remote service without ever blocking or failing the caller: a bounded
 * queue that drops its oldest item (and counts it) when full, and one virtual thread that sends
 * batches and retries with exponential backoff while the remote is away.
 *
 * @param <T> the item type
 */
public final class BackgroundSender<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final int capacity;
    private final int batchSize;
    private final Consumer<List<T>> delivery;
    private final Predicate<RuntimeException> permanent;
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param name      for log lines ("journal", "observer")
     * @param capacity  items kept while the remote is unreachable
     * @param batchSize most items handed to {@code delivery} at once
     * @param delivery  sends a batch; throws when it did not arrive
     * @param permanent tells a refusal that retrying cannot fix (the remote said the batch is bad)
     *                  from a passing failure; such a batch is dropped and counted as rejected,
     *                  so it cannot block everything queued behind it
     */
    public BackgroundSender(String name, int capacity, int batchSize, Consumer<List<T>> delivery,
            Predicate<RuntimeException> permanent) {
        this.name = name;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.delivery = delivery;
        this.permanent = permanent;
        this.worker = Thread.ofVirtual().name(name + "-sender").start(this::run);
    }

    /** Queues an item; returns at once. When the queue is full the oldest item is dropped. */
    public void send(T item) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                queue.pollFirst();
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    LOG.warn(name + ": queue full, dropped " + n + " item(s) so far");
                }
            }
            queue.addLast(item);
            queue.notifyAll();
        }
    }

    public long sent() {
        return sent.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Items the remote refused for good (dropped, never retried). */
    public long rejected() {
        return rejected.get();
    }

    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (!closed || pending() > 0) {
            List<T> batch = take();
            if (batch.isEmpty()) {
                continue;
            }
            try {
                delivery.accept(batch);
                sent.addAndGet(batch.size());
                backoff = Duration.ofMillis(100);
            } catch (RuntimeException e) {
                if (permanent.test(e)) {
                    long n = rejected.addAndGet(batch.size());
                    LOG.warn(name + ": the remote refused a batch of " + batch.size() + " (" + e.getMessage()
                            + "); dropped, " + n + " rejected so far");
                    continue;
                }
                long n = failures.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    LOG.warn(name + ": delivery failed (" + e.getMessage() + "); will retry, " + n + " failure(s) so far");
                }
                requeue(batch);
                if (closed) {
                    return;
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private List<T> take() {
        synchronized (queue) {
            while (queue.isEmpty() && !closed) {
                try {
                    queue.wait(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            List<T> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            while (!queue.isEmpty() && batch.size() < batchSize) {
                batch.add(queue.pollFirst());
            }
            return batch;
        }
    }

    /** Puts a failed batch back in front, still within the capacity (newer items win). */
    private void requeue(List<T> batch) {
        synchronized (queue) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                if (queue.size() >= capacity) {
                    dropped.incrementAndGet();
                    continue;
                }
                queue.addFirst(batch.get(i));
            }
        }
    }

    /** Tries to deliver what is queued for up to {@code timeout}, then stops. */
    public void close(Duration timeout) {
        closed = true;
        synchronized (queue) {
            queue.notifyAll();
        }
        try {
            worker.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
