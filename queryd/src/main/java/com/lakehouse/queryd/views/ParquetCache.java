package com.lakehouse.queryd.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.storage.StorageClient;

/**
 * Local copies of the datasets' Parquet objects, fetched through storaged (DuckDB never touches S3).
 * Object keys are content-addressed, so a cached copy never goes stale; the file is named by the
 * SHA-256 of its key, which keeps names safe inside SQL literals. The cache is held to
 * {@code capBytes} by evicting the least recently used files that no view can still read.
 */
public final class ParquetCache {

    private static final Log LOG = LogFactory.getLog(ParquetCache.class);

    private final Path dir;
    private final long capBytes;
    private final StorageClient storage;
    private final Clock clock;
    private final Map<Path, Entry> entries = new HashMap<>();

    private record Entry(long size, long lastUsed) {
    }

    public ParquetCache(Path dir, long capBytes, StorageClient storage, Clock clock) {
        this.dir = dir;
        this.capBytes = capBytes;
        this.storage = storage;
        this.clock = clock;
        load();
    }

    /** Where the copy of {@code key} lives (whether or not it is there yet). */
    public Path fileFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest) + ".parquet");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local copy of {@code key}, downloaded through storaged if it is not cached yet. */
    public synchronized Path ensure(String key) {
        Path file = fileFor(key);
        Entry entry = entries.get(file);
        if (entry != null && Files.isRegularFile(file)) {
            entries.put(file, new Entry(entry.size(), clock.millis()));
            return file;
        }
        storage.download(key, file);
        try {
            entries.put(file, new Entry(Files.size(file), clock.millis()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat a cached object", e);
        }
        return file;
    }

    /** Records that views read these files now (for least-recently-used order). */
    public synchronized void markUsed(Collection<Path> files) {
        long now = clock.millis();
        for (Path file : files) {
            entries.computeIfPresent(file, (f, e) -> new Entry(e.size(), now));
        }
    }

    /** Deletes least recently used files until the cache fits its cap; {@code keep} is never touched. */
    public synchronized List<Path> evict(Set<Path> keep) {
        long total = totalBytes();
        List<Path> evicted = new ArrayList<>();
        if (total <= capBytes) {
            return evicted;
        }
        List<Map.Entry<Path, Entry>> candidates = entries.entrySet().stream()
                .filter(e -> !keep.contains(e.getKey()))
                .sorted(Comparator.comparingLong(e -> e.getValue().lastUsed()))
                .toList();
        for (Map.Entry<Path, Entry> candidate : candidates) {
            if (total <= capBytes) {
                break;
            }
            try {
                Files.deleteIfExists(candidate.getKey());
                total -= candidate.getValue().size();
                evicted.add(candidate.getKey());
            } catch (IOException e) {
                LOG.warn("queryd cache: cannot evict " + candidate.getKey().getFileName() + ": " + e.getMessage());
            }
        }
        evicted.forEach(entries::remove);
        if (total > capBytes) {
            LOG.warn("queryd cache: " + total + " bytes in use by current views exceed cache_bytes " + capBytes);
        }
        return evicted;
    }

    public synchronized long totalBytes() {
        return entries.values().stream().mapToLong(Entry::size).sum();
    }

    public synchronized boolean contains(Path file) {
        return entries.containsKey(file);
    }

    /** Picks up what an earlier run left: whole files are reused, half-written ones deleted. */
    private void load() {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".parquet") && Files.isRegularFile(file)) {
                        entries.put(file, new Entry(Files.size(file), Files.getLastModifiedTime(file).toMillis()));
                    } else if (name.endsWith(".partial")) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the queryd cache directory", e);
        }
    }
}
