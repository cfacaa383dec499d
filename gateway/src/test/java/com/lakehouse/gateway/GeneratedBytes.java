package com.lakehouse.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A deterministic stream of pseudo-random bytes of any length, generated as it is read, so a test
 * can push or expect gigabytes without holding them, and both ends can compute the same digest.
 */
final class GeneratedBytes extends InputStream {

    private final SplittableRandom random;
    private final long length;
    private long position;
    private long word;
    private int wordLeft;

    GeneratedBytes(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return next() & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        int i = 0;
        while (i < n && wordLeft > 0) {
            buffer[offset + i++] = next();
        }
        // Whole words at a time: the 1 GiB tests spend their time moving bytes, not making them.
        while (n - i >= 8) {
            long w = random.nextLong();
            for (int b = 0; b < 8; b++) {
                buffer[offset + i++] = (byte) w;
                w >>>= 8;
            }
            position += 8;
        }
        while (i < n) {
            buffer[offset + i++] = next();
        }
        return n;
    }

    private byte next() {
        if (wordLeft == 0) {
            word = random.nextLong();
            wordLeft = 8;
        }
        byte b = (byte) word;
        word >>>= 8;
        wordLeft--;
        position++;
        return b;
    }

    /** SHA-256 of what {@code new GeneratedBytes(seed, length)} yields. */
    static String sha256(long seed, long length) throws IOException {
        try (InputStream in = new GeneratedBytes(seed, length)) {
            return sha256(in).hex();
        }
    }

    /** Reads a stream to its end: its length and SHA-256. */
    static Digest sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
            total += n;
        }
        return new Digest(total, HexFormat.of().formatHex(digest.digest()));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Digest(long bytes, String hex) {
    }
}
