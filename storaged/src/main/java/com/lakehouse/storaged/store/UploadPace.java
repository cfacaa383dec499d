package com.lakehouse.storaged.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The minimum rate of an upload: a client that sends fewer than {@code minBytesPerSecond} over a
 * whole window is cut, so a trickle (16 KiB every 10 s) cannot hold an upload slot for hours. A
 * client that sends nothing at all is cut by Tomcat's upload read timeout (idle timeout, see
 * StoragedConfiguration), since a blocked read only returns when bytes arrive.
 */
public final class UploadPace {

    private final long minBytesPerSecond;
    private final Duration window;
    private final LongSupplier nanoClock;

    public UploadPace(long minBytesPerSecond, Duration window, LongSupplier nanoClock) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.window = window;
        this.nanoClock = nanoClock;
    }

    /** Thrown from a read of a paced body when the client is too slow; an IOException, as the SDK expects of a body. */
    public static final class TooSlow extends IOException {
        TooSlow(String message) {
            super(message);
        }
    }

    public InputStream pace(InputStream body) {
        if (minBytesPerSecond == 0) {
            return body;
        }
        return new ChunkFilterStream(body) {
            private long windowStart = nanoClock.getAsLong();
            private long windowBytes;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    windowBytes += n;
                }
                long elapsed = nanoClock.getAsLong() - windowStart;
                if (n >= 0 && elapsed >= window.toNanos()) {
                    double rate = windowBytes * 1e9 / elapsed;
                    if (rate < minBytesPerSecond) {
                        throw new TooSlow(String.format("upload cut: %d bytes in the last %d ms, under the minimum of %d bytes/s",
                                windowBytes, elapsed / 1_000_000, minBytesPerSecond));
                    }
                    windowStart += elapsed;
                    windowBytes = 0;
                }
                return n;
            }
        };
    }
}
