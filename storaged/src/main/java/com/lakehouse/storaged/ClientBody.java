package com.lakehouse.storaged;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The client's request body handed to the SDK as a one-shot content provider. It remembers a read
 * failure, so a client that disconnects mid-upload is reported as a broken request rather than as
 * an S3 outage; a second stream (an SDK retry after bytes were consumed) is refused, never
 * silently restarted from the middle of the body.
 */
final class ClientBody implements ContentStreamProvider {

    private final InputStream body;
    private volatile boolean opened;
    private volatile boolean broken;

    ClientBody(InputStream body) {
        this.body = body;
    }

    @Override
    public InputStream newStream() {
        if (opened) {
            throw new IllegalStateException("the request body can be streamed once only");
        }
        opened = true;
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    broken = true;
                    throw e;
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    broken = true;
                    throw e;
                }
            }

            @Override
            public void close() {
                // the servlet container owns the request stream
            }
        };
    }

    boolean broken() {
        return broken;
    }
}
