package com.lakehouse.observerd.journal;

import java.nio.file.Path;
import java.util.List;

import com.lakehouse.shared.journal.JournalEvent;

/**
 * A sealed part of the write-ahead log: immutable, flushed as one Parquet file whose key derives
 * from {@code name}, so a flush retried after a crash or an upload failure rewrites the same key
 * instead of adding a duplicate file.
 *
 * @param name   {@code <yyyyMMdd'T'HHmmssSSS'Z'>-<seq, 10 digits>-<4 hex>}, sortable by sealing time
 * @param path   the sealed JSONL file
 * @param events its events, in append order
 */
public record WalSegment(String name, Path path, List<JournalEvent> events) {

    public WalSegment {
        events = List.copyOf(events);
    }

    /** {@code journal/<yyyy>/<mm>/<dd>/<name>.parquet}, dated by the sealing time in the name. */
    public String objectKey() {
        return "journal/" + name.substring(0, 4) + "/" + name.substring(4, 6) + "/" + name.substring(6, 8) + "/"
                + name + ".parquet";
    }
}
