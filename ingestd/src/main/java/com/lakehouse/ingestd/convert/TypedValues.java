package com.lakehouse.ingestd.convert;

import java.nio.charset.StandardCharsets;

/**
 * Parses the values the scan typed into the numbers Arrow holds. Only values that passed the
 * scan's grammars reach here (see {@code ValueClassifier}), so nothing is re-validated, and each
 * parse gives exactly what DuckDB's own cast of the same text gives: integers and dates are exact,
 * doubles are correctly rounded (as DuckDB's fast_float is), timestamps keep microseconds.
 */
final class TypedValues {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** Powers of ten that are exact doubles: with them one division rounds correctly. */
    private static final double[] EXACT_POWERS = new double[23];
    private static final long MAX_FAST_MANTISSA = 1L << 53;
    private static final int[] FRACTION_SCALE = {0, 100_000, 10_000, 1_000, 100, 10, 1};

    static {
        double p = 1;
        for (int i = 0; i < EXACT_POWERS.length; i++) {
            EXACT_POWERS[i] = p;
            p *= 10;
        }
    }

    private TypedValues() {
    }

    /** {@code 0} or {@code -?[1-9][0-9]*} within 64 bits. */
    static long parseLong(byte[] v, int from, int n) {
        int end = from + n;
        boolean negative = v[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < end; i++) {
            // Accumulated negatively, so Long.MIN_VALUE needs no special case.
            value = value * 10 - (v[i] - '0');
        }
        return negative ? value : -value;
    }

    /**
     * A decimal without exponent whose digits fit 2^53 and whose scale is at most 22 is one exact
     * integer divided by one exact power of ten, which IEEE division rounds correctly (Clinger's
     * fast path); anything else goes through {@link Double#parseDouble}, also correctly rounded.
     */
    static double parseDouble(byte[] v, int from, int n) {
        int end = from + n;
        boolean negative = v[from] == '-';
        long mantissa = 0;
        int scale = -1;
        int digits = 0;
        for (int i = negative ? from + 1 : from; i < end; i++) {
            byte c = v[i];
            if (c == '.') {
                scale = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++digits > 18) {
                return Double.parseDouble(new String(v, from, n, StandardCharsets.ISO_8859_1));
            }
            mantissa = mantissa * 10 + (c - '0');
            if (scale >= 0) {
                scale++;
            }
        }
        if (mantissa > MAX_FAST_MANTISSA || scale >= EXACT_POWERS.length) {
            return Double.parseDouble(new String(v, from, n, StandardCharsets.ISO_8859_1));
        }
        double value = scale > 0 ? mantissa / EXACT_POWERS[scale] : mantissa;
        return negative ? -value : value;
    }

    /** {@code true} or {@code false} in any case. */
    static boolean parseBoolean(byte[] v, int from) {
        return (v[from] | 0x20) == 't';
    }

    /** {@code YYYY-MM-DD} as days since 1970-01-01. */
    static int parseDateDays(byte[] v, int from) {
        return (int) epochDay(number(v, from, from + 4), number(v, from + 5, from + 7), number(v, from + 8, from + 10));
    }

    /** {@code YYYY-MM-DD[T ]HH:MM:SS[.f{1,6}]} as microseconds since 1970-01-01T00:00. */
    static long parseTimestampMicros(byte[] v, int from, int n) {
        long days = epochDay(number(v, from, from + 4), number(v, from + 5, from + 7), number(v, from + 8, from + 10));
        long seconds = days * SECONDS_PER_DAY + number(v, from + 11, from + 13) * 3600L + number(v, from + 14, from + 16) * 60L
                + number(v, from + 17, from + 19);
        long micros = 0;
        if (n > 20) {
            micros = (long) number(v, from + 20, from + n) * FRACTION_SCALE[n - 20];
        }
        return seconds * MICROS_PER_SECOND + micros;
    }

    /** Days from the civil date, proleptic Gregorian (as java.time and DuckDB count them). */
    private static long epochDay(int year, int month, int day) {
        // Howard Hinnant's days_from_civil.
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int number(byte[] v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (v[i] - '0');
        }
        return value;
    }
}
