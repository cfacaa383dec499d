package com.lakehouse.storaged.store;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Makes sure the bucket exists before the first object operation (SPEC §3: created at startup if
 * missing). S3 may be down when storaged starts, so this is retried by every request until it
 * succeeds once, instead of failing the boot: the service comes up, answers 503, and heals itself.
 */
public class BucketGuard {

    private static final Log LOG = LogFactory.getLog(BucketGuard.class);

    private final S3Client s3;
    private final String bucket;
    private volatile boolean ready;

    public BucketGuard(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    String bucket() {
        return bucket;
    }

    /** Returns once the bucket exists; S3 failures surface as domain exceptions (503 when unreachable). */
    void ensure() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try {
                createIfMissing();
                ready = true;
            } catch (SdkException e) {
                throw S3Failures.translate(e, "bucket check", null);
            }
        }
    }

    /** The first attempt, at startup: a failure is logged, not fatal. */
    public void tryAtStartup() {
        try {
            ensure();
        } catch (RuntimeException e) {
            LOG.warn("bucket not checked at startup (" + e.getMessage() + "); retrying on the next request");
        }
    }

    /** After S3 said the bucket is gone (it was deleted behind our back): check again next time. */
    void forget() {
        ready = false;
    }

    private void createIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            LOG.info("bucket " + bucket + " does not exist; creating it");
        }
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // another storaged created it between our HEAD and CREATE: that is what we wanted
        }
    }
}
