package com.lakehouse.queryd.engine;

/** A result encoded as an Arrow IPC stream, with what the response headers report about it. */
public record ArrowResult(byte[] stream, long rowCount, boolean truncated) {
}
