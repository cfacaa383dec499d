package com.lakehouse.catalogd.catalog;

import com.lakehouse.catalogd.CatalogdProperties;
import com.lakehouse.shared.catalog.SchemaLimits;

/**
 * The bounds of one register (SPEC §2.5, {@code [catalogd]}): checked by {@link Registration#of}
 * before the catalog is touched, so nothing over them is ever persisted.
 *
 * @param maxColumns         columns in a schema (422 above)
 * @param maxColumnNameBytes UTF-8 bytes of one column name (422 above)
 * @param maxObjects         objects in one register, and in the version it produces (413 above)
 * @param maxObjectKeyBytes  UTF-8 bytes of one object key (422 above)
 * @param maxEtagBytes       UTF-8 bytes of one etag (422 above)
 */
public record RegisterLimits(int maxColumns, int maxColumnNameBytes, int maxObjects, int maxObjectKeyBytes,
        int maxEtagBytes) {

    /** The largest size or row count JSON carries exactly (2^53 - 1): every client reads it back unchanged. */
    public static final long MAX_COUNT = (1L << 53) - 1;

    // The schema bounds are shared with ingestd, which refuses an over-wide CSV before converting it.
    public static final RegisterLimits DEFAULTS = new RegisterLimits(SchemaLimits.MAX_COLUMNS,
            SchemaLimits.MAX_COLUMN_NAME_BYTES, 100_000, 1024, 128);

    public RegisterLimits {
        if (maxColumns < 1 || maxColumnNameBytes < 1 || maxObjects < 1 || maxObjectKeyBytes < 1 || maxEtagBytes < 1) {
            throw new IllegalArgumentException("[catalogd] register limits must be positive");
        }
    }

    public static RegisterLimits of(CatalogdProperties properties) {
        return new RegisterLimits(properties.maxColumns(), properties.maxColumnNameBytes(), properties.maxObjects(),
                properties.maxObjectKeyBytes(), properties.maxEtagBytes());
    }
}
