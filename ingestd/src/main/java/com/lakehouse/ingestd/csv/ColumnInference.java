package com.lakehouse.ingestd.csv;

import java.nio.charset.StandardCharsets;

/**
 * The type of one column as the scan goes (SPEC §5): the first {@code sample_rows} values pick it;
 * after the sample every value is still checked against it, and a value that does not fit widens
 * the column (BIGINT to DOUBLE when every value so far is an exact double, else to VARCHAR), so no
 * value is ever dropped, truncated or nulled. Empty values are NULLs and fit every type.
 */
final class ColumnInference {

    private int sampleMask = ColumnType.ALL_TYPED;
    private boolean sampleHasValue;
    private ColumnType sampleType;
    /** Every typed bit that all values (sample and later) share; only kept while the column is typed. */
    private int fileMask = ColumnType.ALL_TYPED;
    private long nulls;
    private Misfit firstMisfit;
    /** By type ordinal: the first value that is not of that type (what an append into such a column would refuse). */
    private final Misfit[] firstNot = new Misfit[ColumnType.values().length];

    /** Whether the scanner still needs this column's values: text columns are settled. */
    boolean watching() {
        return sampleType == null ? sampleMask != 0 || !sampleHasValue : sampleType != ColumnType.VARCHAR;
    }

    void acceptEmpty() {
        nulls++;
    }

    /** A sample value (its bytes are only looked at while the column can still be typed). */
    void acceptSample(byte[] value, int length, boolean tooLong, long line) {
        sampleHasValue = true;
        int mask = tooLong ? 0 : ValueClassifier.classify(value, length);
        noteCleared(mask, value, length, tooLong, line);
        sampleMask &= mask;
        fileMask &= mask;
    }

    /** Ends the sample: the column's type is decided from the sample values alone. */
    void closeSample() {
        if (sampleType == null) {
            sampleType = sampleHasValue ? ColumnType.ofMask(sampleMask) : ColumnType.VARCHAR;
        }
    }

    /**
     * A value after the sample: checked against the sampled type, remembered if it does not fit.
     *
     * @return whether the value fits the sampled type
     */
    boolean acceptLater(byte[] value, int length, boolean tooLong, long line) {
        int mask = tooLong ? 0 : ValueClassifier.classify(value, length);
        noteCleared(mask, value, length, tooLong, line);
        fileMask &= mask;
        if (sampleType.fits(mask)) {
            return true;
        }
        if (firstMisfit == null) {
            firstMisfit = misfit(value, length, tooLong, line);
        }
        return false;
    }

    /** The final type: the sampled one, widened as little as the later values need. */
    ColumnType finalType() {
        closeSample();
        if (sampleType.fits(fileMask)) {
            return sampleType;
        }
        if (sampleType == ColumnType.BIGINT && ColumnType.DOUBLE.fits(fileMask)) {
            return ColumnType.DOUBLE;
        }
        return ColumnType.VARCHAR;
    }

    ColumnType sampledType() {
        closeSample();
        return sampleType;
    }

    long nulls() {
        return nulls;
    }

    private void noteCleared(int mask, byte[] value, int length, boolean tooLong, long line) {
        int cleared = fileMask & ~mask;
        for (ColumnType type : ColumnType.values()) {
            if (type != ColumnType.VARCHAR && (cleared & type.bit()) != 0 && firstNot[type.ordinal()] == null) {
                firstNot[type.ordinal()] = misfit(value, length, tooLong, line);
            }
        }
    }

    private static Misfit misfit(byte[] value, int length, boolean tooLong, long line) {
        int shown = Math.min(length, ValueClassifier.MAX_TYPED_LENGTH);
        return new Misfit(line, new String(value, 0, shown, StandardCharsets.UTF_8) + (tooLong ? "..." : ""));
    }

    /** The first value (sample or later) that is not of {@code type}, or null (none, or the column was no longer watched). */
    Misfit firstNot(ColumnType type) {
        return firstNot[type.ordinal()];
    }

    /** The first value after the sample that did not fit the sampled type, if any. */
    Misfit firstMisfit() {
        return firstMisfit;
    }

    /** A value past the sample that widened its column: where and what. */
    record Misfit(long line, String value) {
    }
}
