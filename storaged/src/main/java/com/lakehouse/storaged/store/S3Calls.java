package com.lakehouse.storaged.store;

import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Runs one S3 call after the bucket check and turns its failures into domain exceptions. */
public final class S3Calls {

    private final BucketGuard bucket;

    public S3Calls(BucketGuard bucket) {
        this.bucket = bucket;
    }

    String bucket() {
        return bucket.bucket();
    }

    /**
     * @param action        what the call does, for messages ("read", "upload")
     * @param missingObject the key whose absence means 404, or null when a 404 means S3 lost state
     */
    <T> T run(String action, String missingObject, Supplier<T> call) {
        bucket.ensure();
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(e, action, missingObject);
        }
    }

    RuntimeException translate(SdkException e, String action, String missingObject) {
        if (e instanceof NoSuchBucketException
                || (e instanceof S3Exception s3 && s3.awsErrorDetails() != null
                        && "NoSuchBucket".equals(s3.awsErrorDetails().errorCode()))) {
            bucket.forget();
        }
        return S3Failures.translate(e, action, missingObject);
    }
}
