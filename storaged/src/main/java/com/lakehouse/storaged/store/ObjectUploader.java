package com.lakehouse.storaged.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.storage.Etags;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams a request body into S3 without ever holding the object. A body with a Content-Length
 * (already checked against the cap) is piped into one PutObject. A chunked body, whose size is
 * unknown, is read part by part: if it fits in one part it is one PutObject, else a multipart
 * upload whose parts alternate between two buffers, so part N+1 is read from the client while
 * part N travels to S3. Its byte count is checked against the cap as it arrives; passing the cap,
 * or any failure, aborts the multipart upload so S3 keeps nothing.
 */
public final class ObjectUploader {

    private static final Log LOG = LogFactory.getLog(ObjectUploader.class);

    private final S3Client s3;
    private final S3Calls calls;
    private final int partBytes;
    private final long singlePutMax;
    private final ExecutorService partSenders;

    /**
     * @param partBytes    multipart part size; a multipart upload holds two parts in memory
     * @param singlePutMax the largest declared length sent as one streamed PutObject
     */
    public ObjectUploader(S3Client s3, S3Calls calls, int partBytes, long singlePutMax, ExecutorService partSenders) {
        this.s3 = s3;
        this.calls = calls;
        this.partBytes = partBytes;
        this.singlePutMax = singlePutMax;
        this.partSenders = partSenders;
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 for a chunked body
     * @param cap            the most bytes this key may hold (a declared length is checked by the caller)
     */
    public PutResult upload(ObjectKey key, InputStream body, long declaredLength, long cap) {
        if (declaredLength >= 0 && declaredLength <= singlePutMax) {
            return streamWhole(key, body, declaredLength);
        }
        BodyReader reader = new BodyReader(body, cap);
        byte[] first = new byte[partBytes];
        int n = reader.fill(first);
        if (n < first.length) {
            String etag = calls.run("upload", null, () -> s3.putObject(b -> b.bucket(calls.bucket()).key(key.value()),
                    part(first, n)).eTag());
            return new PutResult(key.value(), n, Etags.unquote(etag));
        }
        String uploadId = calls.run("upload", null, () -> s3.createMultipartUpload(b -> b.bucket(calls.bucket())
                .key(key.value())).uploadId());
        try {
            return multipart(key, uploadId, reader, first);
        } catch (RuntimeException e) {
            abortQuietly(key, uploadId);
            throw e;
        }
    }

    /**
     * A body of known length goes to S3 as one PutObject that reads straight from the client's
     * connection: no buffer at all, and on a filesystem-backed server no part reassembly. The SDK
     * signs it chunk by chunk as it streams (aws-chunked), so nothing is read twice.
     */
    private PutResult streamWhole(ObjectKey key, InputStream body, long length) {
        ClientBody client = new ClientBody(body);
        RequestBody request = RequestBody.fromContentProvider(client, length, "application/octet-stream");
        try {
            String etag = calls.run("upload", null, () -> s3.putObject(b -> b.bucket(calls.bucket()).key(key.value()), request).eTag());
            return new PutResult(key.value(), length, Etags.unquote(etag));
        } catch (RuntimeException e) {
            slowClient(client.broken() ? client.failure() : e).ifPresent(slow -> {
                throw slow;
            });
            if (client.broken()) {
                throw new InvalidRequestException("request body broke off before its Content-Length of " + length + " bytes");
            }
            if (causedBy(e, ClientBody.ReplayRefused.class)) {
                throw new UnavailableException("S3 failed in the middle of the upload; nothing was stored, retry the PUT",
                        S3Failures.RETRY_AFTER, null);
            }
            throw e;
        }
    }

    private PutResult multipart(ObjectKey key, String uploadId, BodyReader reader, byte[] first) {
        List<CompletedPart> parts = new ArrayList<>();
        byte[] spare = new byte[partBytes];
        Future<CompletedPart> inFlight = send(key, uploadId, 1, first, first.length);
        try {
            while (true) {
                int n = reader.fill(spare);
                if (n == 0) {
                    break;
                }
                parts.add(await(inFlight));
                byte[] filled = spare;
                spare = first;
                first = filled;
                inFlight = send(key, uploadId, parts.size() + 1, filled, n);
                if (n < filled.length) {
                    break;
                }
            }
            parts.add(await(inFlight));
        } catch (RuntimeException e) {
            inFlight.cancel(false);
            waitQuietly(inFlight);
            throw e;
        }
        String etag = calls.run("upload", null, () -> s3.completeMultipartUpload(b -> b.bucket(calls.bucket())
                .key(key.value()).uploadId(uploadId).multipartUpload(m -> m.parts(parts))).eTag());
        return new PutResult(key.value(), reader.total(), Etags.unquote(etag));
    }

    /**
     * A client cut for its pace (under the minimum rate, or idle past Tomcat's upload timeout) as a
     * 408 that says so, rather than as a broken body.
     */
    private static java.util.Optional<UploadTooSlowException> slowClient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UploadPace.TooSlow) {
                return java.util.Optional.of(new UploadTooSlowException(t.getMessage(), null));
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return java.util.Optional.of(new UploadTooSlowException(
                        "upload cut: the client sent nothing for longer than the upload idle timeout", null));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private Future<CompletedPart> send(ObjectKey key, String uploadId, int number, byte[] buffer, int length) {
        return partSenders.submit(() -> {
            String etag = calls.run("upload", null, () -> s3.uploadPart(b -> b.bucket(calls.bucket()).key(key.value())
                    .uploadId(uploadId).partNumber(number).contentLength((long) length), part(buffer, length)).eTag());
            return CompletedPart.builder().partNumber(number).eTag(etag).build();
        });
    }

    private static CompletedPart await(Future<CompletedPart> part) {
        try {
            return part.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("part upload failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        }
    }

    private static void waitQuietly(Future<?> part) {
        try {
            part.get();
        } catch (Exception ignored) {
            // the upload is being aborted; this part's outcome no longer matters
        }
    }

    /** A part's bytes without a copy; the provider hands out a fresh stream for each (re)try. */
    private static RequestBody part(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                "application/octet-stream");
    }

    private void abortQuietly(ObjectKey key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(calls.bucket()).key(key.value()).uploadId(uploadId));
        } catch (SdkException e) {
            // S3 expires abandoned uploads by lifecycle; nothing a caller can do about it now
            LOG.warn("could not abort a multipart upload: " + e.getClass().getSimpleName());
        }
    }

    /** Reads the request body part by part, counting bytes against the cap. */
    private static final class BodyReader {
        private final InputStream in;
        private final long cap;
        private long total;

        BodyReader(InputStream in, long cap) {
            this.in = in;
            this.cap = cap;
        }

        long total() {
            return total;
        }

        /** Fills the buffer, or as much as the body has left; 413 as soon as one byte passes the cap. */
        int fill(byte[] buffer) {
            // Read at most one byte past the cap: enough to know, without pulling more of an oversize body.
            int limit = (int) Math.min(buffer.length, cap - total + 1);
            int n = 0;
            try {
                while (n < limit) {
                    int read = in.read(buffer, n, limit - n);
                    if (read < 0) {
                        break;
                    }
                    n += read;
                }
            } catch (IOException e) {
                slowClient(e).ifPresent(slow -> {
                    throw slow;
                });
                throw new InvalidRequestException("request body broke off after " + (total + n) + " bytes");
            }
            total += n;
            if (total > cap) {
                throw new PayloadTooLargeException("object is larger than the cap of " + cap + " bytes for this key",
                        java.util.Map.of("max_bytes", cap));
            }
            return n;
        }
    }
}
