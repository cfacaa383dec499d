package com.lakehouse.storaged.store;

import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The client's request body handed to the SDK as a content provider. The SDK asks for a fresh
 * stream on every attempt: while nothing has been read yet (S3 refused the connection) the same
 * body is handed out again; once bytes are gone a retry is refused with {@link ReplayRefused},
 * never silently restarted from the middle of the body. A read failure is remembered, so a client
 * that disconnects mid-upload is reported as a broken request rather than as an S3 outage.
 */
final class ClientBody implements ContentStreamProvider {

    private final InputStream body;
    private volatile long consumed;
    private volatile IOException failure;

    ClientBody(InputStream body) {
        this.body = body;
    }

    /** Thrown when the SDK wants to retry an upload whose bytes were already sent once. */
    static final class ReplayRefused extends RuntimeException {
        ReplayRefused() {
            super("the request body was partly sent and cannot be replayed", null, false, false);
        }
    }

    @Override
    public InputStream newStream() {
        if (consumed > 0) {
            throw new ReplayRefused();
        }
        return new ChunkFilterStream(body) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        consumed += n;
                    }
                    return n;
                } catch (IOException e) {
                    failure = e;
                    throw e;
                }
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            @Override
            public void close() {
                // the servlet container owns the request stream
            }
        };
    }

    boolean broken() {
        return failure != null;
    }

    /** The read failure of the body, or null. */
    IOException failure() {
        return failure;
    }
}
