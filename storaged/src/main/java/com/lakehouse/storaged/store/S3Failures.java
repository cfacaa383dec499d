package com.lakehouse.storaged.store;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamFailureException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns AWS SDK failures into the domain's exceptions. S3 that cannot be reached is a 503 with
 * Retry-After (SPEC §3: never a 500, and the service stays up); S3 answering with an error it
 * should not is a 502. Messages are ours: the SDK's can name the endpoint and request details.
 */
final class S3Failures {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final Log LOG = LogFactory.getLog(S3Failures.class);

    private S3Failures() {
    }

    /** The exception to throw for {@code error}, raised while doing {@code action} on {@code key}. */
    static LakehouseException translate(SdkException error, String action, String key) {
        if (error instanceof S3Exception s3) {
            return fromStatus(s3, action, key);
        }
        if (error instanceof SdkClientException) {
            LOG.warn("S3 unreachable during " + action + ": " + rootCauseName(error));
            return new UnavailableException("S3 is unreachable; " + action + " did not happen", RETRY_AFTER, error);
        }
        return new UpstreamFailureException("S3 failed during " + action, error);
    }

    private static LakehouseException fromStatus(S3Exception error, String action, String key) {
        int status = error.statusCode();
        String code = error.awsErrorDetails() == null ? "" : error.awsErrorDetails().errorCode();
        if (status == 404 && !"NoSuchBucket".equals(code) && key != null) {
            return new NotFoundException("no object with key '" + key + "'");
        }
        if (status == 404 || status == 503 || status == 500) {
            LOG.warn("S3 answered " + status + " " + code + " during " + action);
            return new UnavailableException("S3 is unavailable (" + status + " " + code + "); " + action + " did not happen",
                    RETRY_AFTER, error);
        }
        LOG.warn("S3 refused " + action + ": " + status + " " + code);
        return new UpstreamFailureException("S3 refused " + action + " (" + status + " " + code + ")", error);
    }

    private static String rootCauseName(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
