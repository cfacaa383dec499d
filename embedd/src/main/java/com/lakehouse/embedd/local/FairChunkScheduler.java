package com.lakehouse.embedd.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of worker threads that run jobs split into chunks, taking one chunk from each waiting
 * job in turn. A job of a thousand texts is sixty chunks in the queue; a one-text job that arrives
 * behind it gets the next free worker after at most one chunk per job ahead of it, instead of
 * waiting for the whole big job (a FIFO pool or a fair semaphore would make it wait).
 *
 * <p>Workers are platform threads because the work is CPU-bound native inference; their number is
 * the parallelism the model gets.
 */
public final class FairChunkScheduler implements AutoCloseable {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Job<?>> waiting = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean closed;

    /** Starts {@code parallelism} workers named {@code name-N}. */
    public FairChunkScheduler(String name, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        for (int i = 0; i < parallelism; i++) {
            Thread worker = Thread.ofPlatform().name(name + "-" + i).daemon(true).unstarted(this::work);
            workers.add(worker);
            worker.start();
        }
    }

    /** Queues the chunks of one job; they run in any order, results come back in task order. */
    public <T> Job<T> submit(List<? extends Callable<T>> chunks) {
        Job<T> job = new Job<>(List.copyOf(chunks));
        if (chunks.isEmpty()) {
            job.result.complete(List.of());
            return job;
        }
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("scheduler is closed");
            }
            waiting.addLast(job);
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        return job;
    }

    public int parallelism() {
        return workers.size();
    }

    private void work() {
        while (true) {
            Job<?> job;
            int index;
            lock.lock();
            try {
                while (waiting.isEmpty() && !closed) {
                    workArrived.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                job = waiting.pollFirst();
                index = job.next++;
                // Back of the line: every other waiting job gets a chunk before this one's next.
                if (job.next < job.chunks.size()) {
                    waiting.addLast(job);
                }
            } finally {
                lock.unlock();
            }
            job.run(index);
        }
    }

    private void withdraw(Job<?> job) {
        lock.lock();
        try {
            waiting.remove(job);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (Job<?> job : waiting) {
                job.result.cancel(false);
            }
            waiting.clear();
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        // A chunk already running finishes: its native resources must not be freed under it.
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True once {@link #close()} has run and every worker has ended. */
    public boolean stopped() {
        return workers.stream().noneMatch(Thread::isAlive);
    }

    /** The chunks of one submission and their results. */
    public final class Job<T> {
        private final List<? extends Callable<T>> chunks;
        private final Object[] results;
        private final AtomicInteger remaining;
        private final CompletableFuture<List<T>> result = new CompletableFuture<>();
        private int next;

        private Job(List<? extends Callable<T>> chunks) {
            this.chunks = chunks;
            this.results = new Object[chunks.size()];
            this.remaining = new AtomicInteger(chunks.size());
        }

        private void run(int index) {
            if (result.isDone()) {
                return;
            }
            try {
                results[index] = chunks.get(index).call();
            } catch (Throwable e) {
                result.completeExceptionally(e);
                withdraw(this);
                return;
            }
            if (remaining.decrementAndGet() == 0) {
                @SuppressWarnings("unchecked")
                List<T> values = (List<T>) List.of(results);
                result.complete(values);
            }
        }

        /**
         * Waits for every chunk. On timeout the chunks not yet started are dropped (the ones running
         * finish and are discarded) and {@link TimeoutException} is thrown.
         *
         * @throws ExecutionException with the first chunk's failure as its cause
         */
        public List<T> await(Duration timeout) throws TimeoutException, ExecutionException, InterruptedException {
            try {
                return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                cancel();
                throw e;
            }
        }

        /** Drops the chunks not yet started. */
        public void cancel() {
            result.cancel(false);
            withdraw(this);
        }

        public boolean isDone() {
            return result.isDone();
        }
    }
}
