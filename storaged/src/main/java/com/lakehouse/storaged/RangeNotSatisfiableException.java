package com.lakehouse.storaged;

import java.util.Map;

import com.lakehouse.shared.error.LakehouseException;

/** A Range that starts beyond the object's end (416); the answer names the object's size. */
class RangeNotSatisfiableException extends LakehouseException {

    private final long size;

    RangeNotSatisfiableException(long size) {
        super("requested range is outside the object's " + size + " bytes", Map.of("size", size), null);
        this.size = size;
    }

    long size() {
        return size;
    }
}
