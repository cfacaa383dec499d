package com.lakehouse.queryd.vectors;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Another service's answers that rarely change (an index's dimension, the model for a dimension),
 * kept for {@code maxAge} so that a {@code vector_search} does not ask for them again on every
 * statement. Bounded: past {@code maxEntries} keys it starts over. A failed fetch is not kept.
 */
final class RecentAnswers<K, V> {

    private record Entry<V>(V value, long fetchedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    RecentAnswers(Duration maxAge, int maxEntries, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    /** The kept answer for {@code key} while it is younger than {@code maxAge}, else a fresh one. */
    V get(K key, Function<K, V> fetch) {
        long now = nanoClock.getAsLong();
        Entry<V> kept = entries.get(key);
        if (kept != null && now - kept.fetchedAt() <= maxAgeNanos) {
            return kept.value();
        }
        V value = fetch.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    /** Whether an answer for {@code key} is kept and young enough to be used. */
    boolean holds(K key) {
        Entry<V> kept = entries.get(key);
        return kept != null && nanoClock.getAsLong() - kept.fetchedAt() <= maxAgeNanos;
    }

    void forget(K key) {
        entries.remove(key);
    }
}
