package com.lakehouse.storaged.store;

import java.time.Instant;

/** What S3 says about a stored object, as GET and HEAD report it. */
public record ObjectMeta(long size, String etag, Instant lastModified) {
}
