package com.lakehouse.observerd.journal;

import java.util.Map;

import com.lakehouse.shared.error.LakehouseException;

/** {@code POST /journal/flush} could not store or register everything (503); the WAL keeps the rest. */
public class FlushIncompleteException extends LakehouseException {

    public FlushIncompleteException(FlushResult result) {
        super(result.error(), Map.of("flushed_rows", result.flushedRows(), "keys", result.keys(),
                "buffered", result.buffered()), null);
    }
}
