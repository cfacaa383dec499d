package com.lakehouse.catalogd.iceberg;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.iceberg.inmemory.InMemoryFileIO;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg's in-memory FileIO as the Iceberg view sees S3 through storaged: a missing path answers
 * "absent" when asked (InMemoryFileIO refuses it at once). It records what is written, in order,
 * and can hold writes (to let commits pile up) or fail the next few (storaged unavailable).
 * InMemoryFileIO keeps its files in one static map: give each test its own bucket.
 */
final class MemoryFileIO implements FileIO {

    private static final long HOLD_AT_MOST_MS = 30_000;

    private final InMemoryFileIO files = new InMemoryFileIO();
    final Set<String> written = Collections.synchronizedSet(new LinkedHashSet<>());
    final AtomicInteger failuresLeft = new AtomicInteger();
    /** The next failures are this Error instead of an exception (the JVM's own, e.g. out of memory). */
    volatile Error failure;
    volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public InputFile newInputFile(String path) {
        return files.fileExists(path) ? files.newInputFile(path) : new InMemoryInputFile(path, new byte[0]) {
            @Override
            public boolean exists() {
                return false;
            }
        };
    }

    @Override
    public OutputFile newOutputFile(String path) {
        try {
            hold.await(HOLD_AT_MOST_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            if (failure != null) {
                throw failure;
            }
            throw new IllegalStateException("storaged is unavailable");
        }
        written.add(path);
        return files.newOutputFile(path);
    }

    @Override
    public void deleteFile(String path) {
        files.deleteFile(path);
    }
}
