package com.lakehouse.pathway.traces;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The snapshot beside the trace log, read and checked on a thread of its own from the moment the
 * service knows its data directory, while Spring builds the context on the main thread: at start
 * the store then waits for a read that is already under way or done (on 2 cores the read took
 * 0.2-0.4 s of the 1.9-2.5 s to healthy over 100,000 traces). What it yields is what
 * {@link TraceSnapshot#read} yields; the store uses it only for the same two files.
 */
public final class SnapshotReadAhead {

    private final Path snapshot;
    private final Path log;
    private final CompletableFuture<Optional<TraceSnapshot.State>> state = new CompletableFuture<>();

    private SnapshotReadAhead(Path snapshot, Path log) {
        this.snapshot = snapshot;
        this.log = log;
    }

    /** Starts reading {@code snapshot}, made from {@code log}, on a daemon thread. */
    public static SnapshotReadAhead start(Path snapshot, Path log) {
        SnapshotReadAhead readAhead = new SnapshotReadAhead(snapshot, log);
        Thread.ofPlatform().daemon().name("trace-snapshot-read").start(() -> {
            try {
                readAhead.state.complete(TraceSnapshot.read(snapshot, log));
            } catch (Throwable e) {
                readAhead.state.completeExceptionally(e);
            }
        });
        return readAhead;
    }

    /** True when this read is of these two files. */
    boolean reads(Path snapshotFile, Path logFile) {
        return snapshot.equals(snapshotFile) && log.equals(logFile);
    }

    /** The snapshot's state, waiting for the read to end; empty as {@link TraceSnapshot#read} would be. */
    Optional<TraceSnapshot.State> join() {
        return state.join();
    }
}
