package com.lakehouse.storaged.store;

/** The answer to a PUT (SPEC §3): {@code {"key","size","etag"}}. */
public record PutResult(String key, long size, String etag) {
}
