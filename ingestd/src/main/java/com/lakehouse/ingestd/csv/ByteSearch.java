package com.lakehouse.ingestd.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the bytes that matter to the scanner eight at a time (SWAR: "SIMD within a register"),
 * because a scan byte by byte could not keep pace with the upload. In
 * {@code (x - 0x01..01) & ~x & 0x80..80} the lowest set bit marks the first zero byte of
 * {@code x} exactly (higher bits may be false positives, which are never looked at), and
 * {@code word ^ (c * 0x01..01)} turns every byte equal to {@code c} into a zero byte.
 */
final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long COMMAS = ',' * ONES;
    private static final long LFS = '\n' * ONES;
    private static final long CRS = '\r' * ONES;

    private ByteSearch() {
    }

    /** The first index in {@code [from, to)} holding {@code "}, LF, CR or NUL; {@code to} if none. */
    static int quotedStop(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long hits = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS) | zeroBytes(word);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '"' || c == '\n' || c == '\r' || c == 0) {
                return i;
            }
        }
        return to;
    }

    /** The first index in {@code [from, to)} holding a comma, LF, CR or NUL; {@code to} if none. */
    static int unquotedStop(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long hits = zeroBytes(word ^ COMMAS) | zeroBytes(word ^ LFS) | zeroBytes(word ^ CRS) | zeroBytes(word);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == ',' || c == '\n' || c == '\r' || c == 0) {
                return i;
            }
        }
        return to;
    }

    /** The first index in {@code [from, to)} of a byte over 0x7F; {@code to} if all are ASCII. */
    static int nonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long high = (long) LONGS.get(b, i) & HIGHS;
            if (high != 0) {
                return i + (Long.numberOfTrailingZeros(high) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return to;
    }

    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
