package com.lakehouse.ingestd.ingest;

import com.lakehouse.shared.error.InvalidRequestException;

/** {@code mode=replace} (the default) swaps the dataset's objects; {@code mode=append} adds to them. */
public enum IngestMode {
    REPLACE("replace"),
    APPEND("append");

    private final String wire;

    IngestMode(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    public static IngestMode parse(String value) {
        if (value == null || value.isEmpty() || value.equals("replace")) {
            return REPLACE;
        }
        if (value.equals("append")) {
            return APPEND;
        }
        throw new InvalidRequestException("mode must be 'replace' or 'append', not '" + value + "'");
    }
}
