package com.lakehouse.catalogd.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * {@code dataset_id} = UUIDv5 of the dataset name (RFC 4122 §4.3, RFC 9562 §5.5) under a namespace
 * pinned forever: the same name gives the same id on any machine, so a catalog rebuilt from
 * nothing converges to the ids it issued before.
 */
public final class DatasetIds {

    /** Every dataset id ever issued depends on these bytes: never change them. */
    public static final UUID NAMESPACE = UUID.fromString("a8f3c1d2-4e5b-5a6c-9d8e-7f0a1b2c3d4e");

    private DatasetIds() {
    }

    public static UUID of(String name) {
        return uuidV5(NAMESPACE, name);
    }

    /** SHA-1 over namespace bytes then the UTF-8 name; first 16 bytes, version 5, RFC 4122 variant. */
    static UUID uuidV5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
