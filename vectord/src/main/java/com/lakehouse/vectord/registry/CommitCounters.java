package com.lakehouse.vectord.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.lakehouse.vectord.persist.PublishResult;

/** Commit figures, kept per index and for the whole service, as {@code GET /vectors/stats} shows them. */
public final class CommitCounters {

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong filesUploaded = new AtomicLong();
    private final AtomicLong bytesUploaded = new AtomicLong();
    private final AtomicLong filesReused = new AtomicLong();
    private volatile long lastCommitMillis = -1;
    private volatile String lastCommitAt;
    private volatile String lastError;

    void committed(PublishResult result, long millis, String at) {
        commits.incrementAndGet();
        filesUploaded.addAndGet(result.filesUploaded());
        bytesUploaded.addAndGet(result.bytesUploaded());
        filesReused.addAndGet(result.filesReused());
        lastCommitMillis = millis;
        lastCommitAt = at;
        lastError = null;
    }

    void failed(String error) {
        failures.incrementAndGet();
        lastError = error;
    }

    public long commits() {
        return commits.get();
    }

    public long failures() {
        return failures.get();
    }

    /** The figures as snake_case members of the stats response. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commits", commits.get());
        out.put("commit_failures", failures.get());
        out.put("files_uploaded", filesUploaded.get());
        out.put("bytes_uploaded", bytesUploaded.get());
        out.put("files_reused", filesReused.get());
        if (lastCommitAt != null) {
            out.put("last_commit_at", lastCommitAt);
            out.put("last_commit_ms", lastCommitMillis);
        }
        if (lastError != null) {
            out.put("last_error", lastError);
        }
        return out;
    }
}
