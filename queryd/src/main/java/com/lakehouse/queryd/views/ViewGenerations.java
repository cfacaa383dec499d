package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which cached files may still be read. Every published set of views is a generation; a query takes
 * a lease on the generation current when it starts. DuckDB's catalog is transactional, so a query
 * binds the views of its own generation or of a newer one, never an older one: a file is safe to
 * evict only when no generation from the oldest leased one up to the current one names it. View
 * refreshes therefore never wait for running queries, and eviction never pulls a file from under one.
 */
public final class ViewGenerations {

    private final TreeMap<Long, Set<Path>> filesByGeneration = new TreeMap<>();
    private final TreeMap<Long, Integer> leases = new TreeMap<>();
    private long current;

    public ViewGenerations() {
        filesByGeneration.put(0L, Set.of());
    }

    /** A hold on the current generation, released by {@link Lease#close()}. */
    public synchronized Lease acquire() {
        long generation = current;
        leases.merge(generation, 1, Integer::sum);
        return new Lease(generation);
    }

    /** Called after the views of a new generation are live in DuckDB; returns its number. */
    public synchronized long publish(Set<Path> files) {
        current++;
        filesByGeneration.put(current, Set.copyOf(files));
        prune();
        return current;
    }

    /** Files that a running or future query may read. */
    public synchronized Set<Path> protectedFiles() {
        Set<Path> all = new HashSet<>();
        filesByGeneration.tailMap(oldestInUse(), true).values().forEach(all::addAll);
        return all;
    }

    public synchronized long current() {
        return current;
    }

    private synchronized void release(long generation) {
        leases.computeIfPresent(generation, (g, n) -> n == 1 ? null : n - 1);
        prune();
    }

    private long oldestInUse() {
        return leases.isEmpty() ? current : Math.min(leases.firstKey(), current);
    }

    private void prune() {
        filesByGeneration.headMap(oldestInUse(), false).clear();
    }

    /** Visible for tests: how many generations are still remembered. */
    synchronized int remembered() {
        return filesByGeneration.size();
    }

    /** A query's hold on a generation. */
    public final class Lease implements AutoCloseable {
        private final long generation;
        private boolean closed;

        private Lease(long generation) {
            this.generation = generation;
        }

        public long generation() {
            return generation;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(generation);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "ViewGenerations[current=" + current + ", leases=" + Map.copyOf(leases) + "]";
    }
}
