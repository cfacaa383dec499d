package com.lakehouse.storaged.store;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.lakehouse.shared.storage.Etags;
import com.lakehouse.shared.storage.ObjectPage;
import com.lakehouse.shared.storage.StoredObject;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads, deletes and lists objects in the bucket; uploads are {@link ObjectUploader}'s job. */
public final class ObjectStore {

    private final S3Client s3;
    private final S3Calls calls;

    public ObjectStore(S3Client s3, S3Calls calls) {
        this.s3 = s3;
        this.calls = calls;
    }

    /** The object's metadata; missing → NotFoundException. */
    public ObjectMeta head(ObjectKey key) {
        HeadObjectResponse head = calls.run("read", key.value(),
                () -> s3.headObject(b -> b.bucket(calls.bucket()).key(key.value())));
        return new ObjectMeta(head.contentLength(), Etags.unquote(head.eTag()), head.lastModified());
    }

    /** An open stream over the object (or one range of it) that the caller closes or aborts. */
    public Download open(ObjectKey key, Optional<ByteRange> range) {
        ResponseInputStream<GetObjectResponse> stream = calls.run("read", key.value(),
                () -> s3.getObject(b -> b.bucket(calls.bucket()).key(key.value()).range(range.map(ByteRange::header).orElse(null))));
        GetObjectResponse r = stream.response();
        return new Download(new ObjectMeta(r.contentLength(), Etags.unquote(r.eTag()), r.lastModified()), stream);
    }

    /** Deletes; S3 itself treats an absent key as deleted. */
    public void delete(ObjectKey key) {
        calls.run("delete", null, () -> s3.deleteObject(b -> b.bucket(calls.bucket()).key(key.value())));
    }

    /** Up to {@code limit} keys after {@code after} (exclusive) under {@code prefix}, in key order. */
    public ObjectPage list(String prefix, String after, int limit) {
        List<StoredObject> objects = new ArrayList<>();
        String token = null;
        boolean truncated;
        do {
            String continuation = token;
            ListObjectsV2Response page = calls.run("list", null, () -> s3.listObjectsV2(b -> b.bucket(calls.bucket())
                    .prefix(emptyToNull(prefix)).startAfter(continuation == null ? emptyToNull(after) : null)
                    .continuationToken(continuation).maxKeys(limit - objects.size()).encodingType(EncodingType.URL)));
            for (S3Object o : page.contents()) {
                objects.add(new StoredObject(o.key(), o.size(), Etags.unquote(o.eTag()),
                        o.lastModified() == null ? null : o.lastModified().toString()));
            }
            truncated = Boolean.TRUE.equals(page.isTruncated());
            token = page.nextContinuationToken();
            // Some servers return short pages; keep going until the page is full or the listing ends.
        } while (truncated && objects.size() < limit && token != null);
        String next = truncated && !objects.isEmpty() ? objects.getLast().key() : null;
        return new ObjectPage(objects, truncated, next);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** An object being read: its metadata, and the bytes to stream. */
    public record Download(ObjectMeta meta, ResponseInputStream<GetObjectResponse> body) implements AutoCloseable {

        public InputStream stream() {
            return body;
        }

        /** Stops reading early without draining the rest of the object from S3. */
        public void abort() {
            body.abort();
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (java.io.IOException ignored) {
                // the connection is returned or discarded either way
            }
        }
    }
}
