package com.lakehouse.vectord.persist;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.lakehouse.shared.http.LakehouseJson;

/**
 * The LHV1 commit point: 4 bytes {@code LHV1}, a 4-byte big-endian length, that many bytes of JSON
 * {@link Envelope}, then optional binary data (vectord writes none: the index data are Lucene's own
 * files). Decoding is plain JSON parsing; nothing here deserializes Java objects.
 */
public final class CommitPointFormat {

    private static final byte[] MAGIC = "LHV1".getBytes(StandardCharsets.US_ASCII);

    private CommitPointFormat() {
    }

    public static byte[] encode(Envelope envelope) {
        byte[] json = LakehouseJson.mapper().writeValueAsBytes(envelope);
        return ByteBuffer.allocate(8 + json.length).put(MAGIC).putInt(json.length).put(json).array();
    }

    /** @throws IllegalArgumentException when the bytes are not an LHV1 commit point of a version this reads */
    public static Envelope decode(byte[] bytes) {
        if (bytes.length < 8 || !Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("not an LHV1 commit point");
        }
        int length = ByteBuffer.wrap(bytes, 4, 4).getInt();
        if (length < 0 || length > bytes.length - 8) {
            throw new IllegalArgumentException("LHV1 envelope length " + length + " exceeds the " + bytes.length + "-byte object");
        }
        Envelope envelope = LakehouseJson.mapper().readValue(bytes, 8, length, Envelope.class);
        if (envelope.version() != Envelope.CURRENT_VERSION) {
            throw new IllegalArgumentException("LHV1 envelope version " + envelope.version() + " is not supported");
        }
        return envelope;
    }
}
