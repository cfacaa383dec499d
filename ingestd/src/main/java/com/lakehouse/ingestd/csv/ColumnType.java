package com.lakehouse.ingestd.csv;

/**
 * The column types ingestd infers (SPEC §5), named as DuckDB names them; the name is what goes
 * into the schema, the fingerprint and the {@code read_csv} column list.
 */
public enum ColumnType {
    BIGINT(1),
    DOUBLE(2),
    BOOLEAN(4),
    DATE(8),
    TIMESTAMP(16),
    VARCHAR(0);

    /** Every typed bit: the mask of a column before it has seen a value. */
    static final int ALL_TYPED = 31;

    private final int bit;

    ColumnType(int bit) {
        this.bit = bit;
    }

    int bit() {
        return bit;
    }

    boolean fits(int mask) {
        return this == VARCHAR || (mask & bit) != 0;
    }

    /**
     * The type a mask of candidate types stands for, in the order of SPEC §5: an integer column is
     * also a number column, so BIGINT wins over DOUBLE; nothing left means VARCHAR.
     */
    static ColumnType ofMask(int mask) {
        for (ColumnType type : values()) {
            if (type != VARCHAR && (mask & type.bit) != 0) {
                return type;
            }
        }
        return VARCHAR;
    }
}
