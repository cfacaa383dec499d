package com.lakehouse.storaged.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class UploadPaceTest {

    private final AtomicLong now = new AtomicLong();
    private final UploadPace pace = new UploadPace(8192, Duration.ofSeconds(10), now::get);

    /** Hands out 16 KiB per read and moves the clock by {@code secondsPerRead} before each. */
    private InputStream clientSending(int secondsPerRead) {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                now.addAndGet(Duration.ofSeconds(secondsPerRead).toNanos());
                return Math.min(len, 16 * 1024);
            }
        };
    }

    @Test
    void aTrickleOf16KiBEvery10SecondsIsCutAtTheFirstWindow() throws IOException {
        InputStream body = pace.pace(clientSending(10));
        byte[] buffer = new byte[64 * 1024];
        assertThatThrownBy(() -> body.read(buffer, 0, buffer.length)).isInstanceOf(UploadPace.TooSlow.class)
                .hasMessageContaining("under the minimum of 8192 bytes/s");
    }

    @Test
    void aSteadyClientIsNeverCut() throws IOException {
        InputStream body = pace.pace(clientSending(1));
        byte[] buffer = new byte[64 * 1024];
        for (int i = 0; i < 100; i++) {
            assertThat(body.read(buffer, 0, buffer.length)).isEqualTo(16 * 1024);
        }
    }

    @Test
    void aClientThatSlowsDownLaterIsCutInTheWindowWhereItSlowed() throws IOException {
        AtomicLong secondsPerRead = new AtomicLong(1);
        InputStream source = new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                now.addAndGet(Duration.ofSeconds(secondsPerRead.get()).toNanos());
                return 1024;
            }
        };
        InputStream body = pace.pace(source);
        byte[] buffer = new byte[1024];
        // 1 KiB/s is under 8 KiB/s, but the pace is only judged once a whole window has passed.
        for (int i = 0; i < 9; i++) {
            body.read(buffer, 0, buffer.length);
        }
        assertThatThrownBy(() -> body.read(buffer, 0, buffer.length)).isInstanceOf(UploadPace.TooSlow.class);
    }

    @Test
    void aZeroMinimumTurnsThePaceOff() {
        InputStream raw = InputStream.nullInputStream();
        assertThat(new UploadPace(0, Duration.ofSeconds(1), now::get).pace(raw)).isSameAs(raw);
    }
}
