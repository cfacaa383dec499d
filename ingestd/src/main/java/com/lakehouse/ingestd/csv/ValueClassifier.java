package com.lakehouse.ingestd.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Which typed columns one CSV value could live in without losing a byte of meaning. The grammars
 * are deliberately narrower than DuckDB's casts, so a value ingestd types is always one DuckDB
 * converts, and reads back as the same value:
 * <ul>
 *   <li>BIGINT: {@code 0} or {@code -?[1-9][0-9]*} within 64 bits. Leading zeros or a plus sign
 *       ({@code 007}, {@code +5}) would not survive as a number, so such values are text.</li>
 *   <li>DOUBLE: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} with at most 15
 *       significant digits (or an integer within 2^53), finite and not subnormal: exactly the
 *       decimals that come back from a double unchanged.</li>
 *   <li>BOOLEAN: {@code true} or {@code false}, any case.</li>
 *   <li>DATE: {@code YYYY-MM-DD}, a real calendar day, year 0001-9999.</li>
 *   <li>TIMESTAMP: a DATE, {@code T} or a space, {@code HH:MM:SS}, optionally {@code .} and 1-6
 *       fraction digits (DuckDB keeps microseconds); no zone.</li>
 * </ul>
 */
final class ValueClassifier {

    /** Longer values are text whatever they hold: no typed value of these grammars needs more. */
    static final int MAX_TYPED_LENGTH = 64;

    private static final long MAX_EXACT_DOUBLE_INT = 1L << 53;
    private static final byte[] LONG_MIN = "-9223372036854775808".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.ISO_8859_1);

    private ValueClassifier() {
    }

    /** The {@link ColumnType} bits {@code value[0..length)} fits; 0 for text only. */
    static int classify(byte[] value, int length) {
        if (length == 0 || length > MAX_TYPED_LENGTH) {
            return 0;
        }
        byte first = value[0];
        if (first == '-' || (first >= '0' && first <= '9')) {
            return numberMask(value, length) | temporalMask(value, length);
        }
        if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
            return isBoolean(value, length) ? ColumnType.BOOLEAN.bit() : 0;
        }
        return 0;
    }

    private static int numberMask(byte[] v, int n) {
        int i = v[0] == '-' ? 1 : 0;
        int intStart = i;
        while (i < n && isDigit(v[i])) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && v[intStart] == '0')) {
            return 0;
        }
        if (i == n) {
            return integerMask(v, n, intStart, intDigits);
        }
        int fracStart = -1;
        int fracEnd = -1;
        if (v[i] == '.') {
            fracStart = ++i;
            while (i < n && isDigit(v[i])) {
                i++;
            }
            fracEnd = i;
            if (fracEnd == fracStart) {
                return 0;
            }
        }
        if (i < n && (v[i] == 'e' || v[i] == 'E')) {
            i++;
            if (i < n && (v[i] == '+' || v[i] == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(v[i])) {
                i++;
            }
            if (i == expStart) {
                return 0;
            }
        }
        if (i != n) {
            return 0;
        }
        if (significantDigits(v, intStart, intStart + intDigits, fracStart, fracEnd) > 15) {
            return 0;
        }
        return isRepresentableDouble(v, n) ? ColumnType.DOUBLE.bit() : 0;
    }

    private static int integerMask(byte[] v, int n, int intStart, int intDigits) {
        if (v[0] == '-' && intDigits == 1 && v[intStart] == '0') {
            return 0; // "-0" reads back as 0
        }
        if (intDigits > 19) {
            return 0;
        }
        long magnitude = 0;
        boolean overflow = false;
        for (int i = intStart; i < n; i++) {
            int digit = v[i] - '0';
            if (magnitude > (Long.MAX_VALUE - digit) / 10) {
                overflow = true;
                break;
            }
            magnitude = magnitude * 10 + digit;
        }
        boolean negative = v[0] == '-';
        if (overflow) {
            // Only -9223372036854775808 overflows the positive magnitude and is still a BIGINT.
            return negative && Arrays.equals(v, 0, n, LONG_MIN, 0, LONG_MIN.length) ? ColumnType.BIGINT.bit() : 0;
        }
        int mask = ColumnType.BIGINT.bit();
        if (magnitude <= MAX_EXACT_DOUBLE_INT) {
            mask |= ColumnType.DOUBLE.bit();
        }
        return mask;
    }

    private static int significantDigits(byte[] v, int intStart, int intEnd, int fracStart, int fracEnd) {
        int first = -1;
        int last = -1;
        int count = 0;
        int position = 0;
        for (int i = intStart; i < intEnd; i++, position++) {
            if (v[i] != '0') {
                first = first < 0 ? position : first;
                last = position;
            }
        }
        for (int i = fracStart; fracStart >= 0 && i < fracEnd; i++, position++) {
            if (v[i] != '0') {
                first = first < 0 ? position : first;
                last = position;
            }
        }
        if (first >= 0) {
            count = last - first + 1;
        }
        return count;
    }

    /**
     * Without an exponent a value of at most {@link #MAX_TYPED_LENGTH} characters and 15 significant
     * digits is always a finite, normal double; only an exponent can push it out of range, and only
     * then is the value parsed.
     */
    private static boolean isRepresentableDouble(byte[] v, int n) {
        if (!hasExponent(v, n)) {
            return true;
        }
        double d = Double.parseDouble(new String(v, 0, n, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return false;
        }
        if (d == 0.0) {
            return !hasNonZeroDigit(v, n);
        }
        return Math.abs(d) >= Double.MIN_NORMAL;
    }

    private static boolean hasExponent(byte[] v, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] == 'e' || v[i] == 'E') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNonZeroDigit(byte[] v, int n) {
        for (int i = 0; i < n; i++) {
            if (v[i] == 'e' || v[i] == 'E') {
                return false;
            }
            if (v[i] >= '1' && v[i] <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int temporalMask(byte[] v, int n) {
        if (n < 10 || !isDate(v)) {
            return 0;
        }
        if (n == 10) {
            return ColumnType.DATE.bit();
        }
        return isTime(v, n) ? ColumnType.TIMESTAMP.bit() : 0;
    }

    private static boolean isDate(byte[] v) {
        if (v[4] != '-' || v[7] != '-' || !digits(v, 0, 4) || !digits(v, 5, 7) || !digits(v, 8, 10)) {
            return false;
        }
        int year = number(v, 0, 4);
        int month = number(v, 5, 7);
        int day = number(v, 8, 10);
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isTime(byte[] v, int n) {
        if (n < 19 || (v[10] != 'T' && v[10] != ' ') || v[13] != ':' || v[16] != ':'
                || !digits(v, 11, 13) || !digits(v, 14, 16) || !digits(v, 17, 19)) {
            return false;
        }
        if (number(v, 11, 13) > 23 || number(v, 14, 16) > 59 || number(v, 17, 19) > 59) {
            return false;
        }
        if (n == 19) {
            return true;
        }
        return v[19] == '.' && n >= 21 && n <= 26 && digits(v, 20, n);
    }

    private static boolean isBoolean(byte[] v, int n) {
        return n == 4 ? equalsIgnoringCase(v, TRUE) : n == 5 && equalsIgnoringCase(v, FALSE);
    }

    /** Compares with a lowercase ASCII word; setting 0x20 lowercases letters and leaves no non-letter equal to one. */
    private static boolean equalsIgnoringCase(byte[] v, byte[] lowercase) {
        for (int i = 0; i < lowercase.length; i++) {
            if ((v[i] | 0x20) != lowercase[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(byte[] v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(v[i])) {
                return false;
            }
        }
        return true;
    }

    private static int number(byte[] v, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (v[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

}
