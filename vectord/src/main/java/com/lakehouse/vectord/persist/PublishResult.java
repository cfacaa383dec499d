package com.lakehouse.vectord.persist;

/** What one commit cost: files and bytes uploaded, files already in storage and skipped. */
public record PublishResult(int filesUploaded, long bytesUploaded, int filesReused) {
}
