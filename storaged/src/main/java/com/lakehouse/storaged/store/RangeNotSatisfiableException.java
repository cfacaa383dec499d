package com.lakehouse.storaged.store;

import java.util.Map;

import com.lakehouse.shared.error.LakehouseException;

/** A Range that starts beyond the object's end (416); the answer names the object's size. */
public class RangeNotSatisfiableException extends LakehouseException {

    private final long size;

    public RangeNotSatisfiableException(long size) {
        super("requested range is outside the object's " + size + " bytes", Map.of("size", size), null);
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** The client learns the object's real size from {@code Content-Range: bytes *}{@code /size}. */
    @Override
    public Map<String, String> headers() {
        return Map.of("Content-Range", "bytes */" + size);
    }
}
