package com.lakehouse.storaged;

import java.time.Instant;

/** What S3 says about a stored object, as GET and HEAD report it. */
record ObjectMeta(long size, String etag, Instant lastModified) {
}
