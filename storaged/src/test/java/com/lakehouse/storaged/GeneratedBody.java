package com.lakehouse.storaged;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * A large request body made up as it is read, never held: a 1 MiB random block repeated, each
 * copy stamped with its index so no two MiB are alike. Its SHA-256 is computed on the way out.
 */
final class GeneratedBody extends InputStream {

    private static final int BLOCK = 1024 * 1024;

    private final byte[] block = new byte[BLOCK];
    private final long size;
    private final MessageDigest digest = sha256();
    private long position;

    GeneratedBody(long size, long seed) {
        this.size = size;
        new Random(seed).nextBytes(block);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(length, BLOCK - inBlock), size - position);
        System.arraycopy(block, inBlock, buffer, offset, n);
        long index = position / BLOCK;
        for (int i = 0; i < 8; i++) {
            long at = index * BLOCK + i;
            if (at >= position && at < position + n) {
                buffer[offset + (int) (at - position)] = (byte) (index >>> (8 * i));
            }
        }
        digest.update(buffer, offset, n);
        position += n;
        return n;
    }

    /** The hash of everything read so far (call after the body has been consumed). */
    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
