package com.lakehouse.storaged.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter whose subclasses override only the bulk {@code read(byte[], int, int)}: the single-byte read goes through it too, so
 * a subclass sees every byte (FilterInputStream's own read() would bypass it).
 */
abstract class ChunkFilterStream extends FilterInputStream {

    ChunkFilterStream(InputStream in) {
        super(in);
    }

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
}
