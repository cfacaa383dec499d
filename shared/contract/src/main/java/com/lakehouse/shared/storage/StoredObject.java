package com.lakehouse.shared.storage;

/** An object as storaged describes it (SPEC §3); {@code lastModified} is absent on a PUT response. */
public record StoredObject(String key, long size, String etag, String lastModified) {
}
