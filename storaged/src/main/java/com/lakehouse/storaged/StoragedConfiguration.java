package com.lakehouse.storaged;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.web.ProblemStatusTable;
import com.lakehouse.shared.web.RequestBodyLimit;
import com.lakehouse.storaged.store.BucketGuard;
import com.lakehouse.storaged.store.ObjectStore;
import com.lakehouse.storaged.store.ObjectUploader;
import com.lakehouse.storaged.store.PutCaps;
import com.lakehouse.storaged.store.PutSlots;
import com.lakehouse.storaged.store.RangeNotSatisfiableException;
import com.lakehouse.storaged.store.S3Calls;
import com.lakehouse.storaged.store.S3CredentialSource;
import com.lakehouse.storaged.store.UploadPace;
import com.lakehouse.storaged.store.UploadTooSlowException;
import com.lakehouse.storaged.web.ObjectController;

/** storaged's beans: the S3 client and the pieces of the object routes. */
@Configuration(proxyBeanMethods = false)
class StoragedConfiguration {

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3Properties s3, StoragedProperties storaged) {
        URI endpoint = UpstreamUrl.parse("[s3] endpoint", s3.endpoint());
        S3CredentialSource credentials = new S3CredentialSource(System::getenv,
                s3.secretsFile().isBlank() ? null : Path.of(s3.secretsFile()));
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .credentialsProvider(StaticCredentialsProvider.create(credentials.resolve()))
                // Third-party S3 servers differ in their support of the newest default checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.builder()
                        .maxConnections(Math.max(16, 4 * (storaged.maxConcurrentPuts() + storaged.fleetPutSlots())))
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                // A dead S3 must turn into a quick 503, not into a long series of retries.
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(2)))
                .build();
    }

    @Bean
    BucketGuard bucketGuard(S3Client s3Client, S3Properties s3) {
        return new BucketGuard(s3Client, s3.bucket());
    }

    @Bean
    S3Calls s3Calls(BucketGuard bucketGuard) {
        return new S3Calls(bucketGuard);
    }

    @Bean(destroyMethod = "close")
    ExecutorService partSenders() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    ObjectUploader objectUploader(S3Client s3Client, S3Calls s3Calls, StoragedProperties storaged, ExecutorService partSenders) {
        return new ObjectUploader(s3Client, s3Calls, storaged.partBytes(), storaged.singlePutMaxBytes(), partSenders);
    }

    @Bean
    ObjectStore objectStore(S3Client s3Client, S3Calls s3Calls) {
        return new ObjectStore(s3Client, s3Calls);
    }

    @Bean
    PutSlots putSlots(StoragedProperties storaged) {
        return new PutSlots(storaged.maxConcurrentPuts(), storaged.fleetPutSlots(), storaged.putQueueWait());
    }

    @Bean
    UploadPace uploadPace(StoragedProperties storaged) {
        return new UploadPace(storaged.uploadMinBytesPerSecond(), storaged.uploadRateWindow(), System::nanoTime);
    }

    @Bean
    PutCaps putCaps(StoragedProperties storaged) {
        return PutCaps.of(storaged);
    }

    /** Object PUTs stream under caps of their own ({@link PutCaps}); every other route takes a small body at most. */
    @Bean
    RequestBodyLimit requestBodyLimit(StoragedProperties storaged) {
        return request -> HttpMethod.PUT.matches(request.getMethod())
                && request.getRequestURI().startsWith(ObjectController.ROUTE)
                ? Long.MAX_VALUE : storaged.maxBodyBytes();
    }

    @Bean
    ProblemStatusTable problemStatusTable() {
        return ProblemStatusTable.defaults()
                .with(RangeNotSatisfiableException.class, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .with(UploadTooSlowException.class, HttpStatus.REQUEST_TIMEOUT);
    }

    /**
     * Answer {@code Expect: 100-continue} only when the body is first read, so a PUT refused on its
     * Content-Length (413) or on a busy slot (503) is refused before the client sends the body; and
     * write object bytes to the socket in large slices rather than Tomcat's default 8 KiB; and let
     * encoded '/' and '\\' through to {@link ObjectKey}, which decodes keys itself (a key may hold a
     * backslash, and an encoded slash must meet the same key rules as a literal one); and give a
     * request body read its own timeout, the upload idle timeout: a client that stops sending is cut
     * (a blocked read throws SocketTimeoutException → 408) and its upload slot is freed.
     */
    @Bean
    TomcatConnectorCustomizer objectStreamingConnector(StoragedProperties storaged) {
        return connector -> {
            if (!connector.setProperty("disableUploadTimeout", "false") || !connector.setProperty("connectionUploadTimeout",
                    Long.toString(storaged.uploadIdleTimeout().toMillis()))) {
                throw new IllegalStateException("Tomcat refused the upload timeout properties");
            }
            connector.setProperty("continueResponseTiming", "onRead");
            connector.setProperty("socket.appWriteBufSize", Integer.toString(ObjectController.COPY_BUFFER_BYTES));
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkBucket(ApplicationReadyEvent event) {
        // Off the startup path: an unreachable S3 must not delay /health (SPEC §3: the service stays up).
        BucketGuard guard = event.getApplicationContext().getBean(BucketGuard.class);
        Thread.ofVirtual().name("bucket-check").start(guard::tryAtStartup);
    }
}
