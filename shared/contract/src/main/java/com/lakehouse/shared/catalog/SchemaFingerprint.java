package com.lakehouse.shared.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;


/**
 * The schema fingerprint of SPEC §5: SHA-256, lowercase hex, over the columns in header order,
 * each {@code name 0x1F type}, joined by {@code 0x1E}. The ASCII unit and record separators keep
 * names holding commas or colons from colliding; nullability is left out on purpose, because a
 * column that gains NULLs has not changed shape.
 */
public final class SchemaFingerprint {

    private static final char UNIT_SEPARATOR = 0x1F;
    private static final char RECORD_SEPARATOR = 0x1E;

    private SchemaFingerprint() {
    }

    public static String of(List<SchemaColumn> schema) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) {
            if (i > 0) {
                text.append(RECORD_SEPARATOR);
            }
            text.append(schema.get(i).name()).append(UNIT_SEPARATOR).append(schema.get(i).type());
        }
        return HexFormat.of().formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest: also the content address of uploaded bytes (ingestd). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
