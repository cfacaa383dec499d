package com.lakehouse.ingestd.csv;

/**
 * A strict streaming UTF-8 check (RFC 3629, as the JDK's REPORTing decoder applies it): no overlong
 * forms, no surrogates, nothing past U+10FFFF, no stray continuation bytes. Sequences may straddle
 * chunks. It runs over raw bytes with an ASCII fast path instead of decoding into chars, because
 * the scanner needs no chars and the check must keep pace with the upload.
 */
final class Utf8Validator {

    /** Continuation bytes still expected for the open sequence. */
    private int pending;
    /** Bounds for the second byte of the open sequence (they exclude overlongs and surrogates). */
    private int secondLow = 0x80;
    private int secondHigh = 0xBF;
    private boolean atSecond;

    /**
     * Checks {@code buf[from..to)}.
     *
     * @return the index of the first byte that cannot be valid UTF-8, or -1 if all can be so far
     */
    int check(byte[] buf, int from, int to) {
        int i = from;
        while (i < to) {
            if (pending == 0) {
                i = ByteSearch.nonAscii(buf, i, to);
                if (i == to) {
                    return -1;
                }
                if (!lead(buf[i] & 0xFF)) {
                    return i;
                }
            } else if (!continuation(buf[i] & 0xFF)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /** Whether the input may end here (no sequence left open). */
    boolean complete() {
        return pending == 0;
    }

    private boolean lead(int b) {
        secondLow = 0x80;
        secondHigh = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                secondLow = 0xA0;
            } else if (b == 0xED) {
                secondHigh = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                secondLow = 0x90;
            } else if (b == 0xF4) {
                secondHigh = 0x8F;
            }
        } else {
            return false;
        }
        atSecond = true;
        return true;
    }

    private boolean continuation(int b) {
        int low = atSecond ? secondLow : 0x80;
        int high = atSecond ? secondHigh : 0xBF;
        if (b < low || b > high) {
            return false;
        }
        atSecond = false;
        pending--;
        return true;
    }
}
