package com.lakehouse.storaged;

import java.io.InputStream;
import java.net.URI;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * scripts/bench/storage.sh's measuring half: moves one file through storaged and straight to the
 * S3 server with the AWS SDK (the peer), in alternating rounds, and prints the best MB/s of each as
 * {@code metric lakehouse peer} lines. Args: storagedUrl s3Endpoint bucket file rounds [warmups].
 * Credentials come from LH_S3_ACCESS_KEY_ID / LH_S3_SECRET_ACCESS_KEY as for storaged.
 */
public final class StorageBench {

    private static final String KEY = "/storage/object/bench/via-storaged";

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        URI storaged = URI.create(args[0]);
        URI endpoint = URI.create(args[1]);
        String bucket = args[2];
        Path file = Path.of(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int warmups = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        long size = Files.size(file);
        try (S3Client s3 = directClient(endpoint, System.getenv("LH_S3_ACCESS_KEY_ID"), System.getenv("LH_S3_SECRET_ACCESS_KEY"))) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception exists) {
                // storaged or an earlier round made it already
            }
            // Untimed rounds first: storaged's copy loop and both clients run compiled code, not the
            // interpreter's, before anything is measured (the first GETs through storaged run at a third of speed).
            for (int round = 0; round < warmups; round++) {
                putThroughStoraged(storaged, file);
                putDirect(s3, bucket, file);
                getThroughStoraged(storaged);
                getDirect(s3, bucket);
                putDirectMultipart(s3, bucket, file);
            }
            double[] best = new double[5];
            for (int round = 0; round < rounds; round++) {
                best[0] = Math.max(best[0], rate(size, () -> putThroughStoraged(storaged, file)));
                best[1] = Math.max(best[1], rate(size, () -> putDirect(s3, bucket, file)));
                best[2] = Math.max(best[2], rate(size, () -> getThroughStoraged(storaged)));
                best[3] = Math.max(best[3], rate(size, () -> getDirect(s3, bucket)));
                best[4] = Math.max(best[4], rate(size, () -> putDirectMultipart(s3, bucket, file)));
            }
            System.out.printf(Locale.ROOT, "put_mb_s %.1f %.1f%n", best[0], best[1]);
            System.out.printf(Locale.ROOT, "get_mb_s %.1f %.1f%n", best[2], best[3]);
            System.out.printf(Locale.ROOT, "put_multipart_mb_s %.1f %.1f%n", best[0], best[4]);
        }
    }

    /** An SDK client straight to the S3 server, configured as storaged's own. */
    static S3Client directClient(URI endpoint, String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(Apache5HttpClient.builder().socketTimeout(Duration.ofMinutes(2)).build())
                .build();
    }

    private static double rate(long bytes, LongSupplier transfer) {
        long start = System.nanoTime();
        long moved = transfer.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (moved != bytes) {
            throw new IllegalStateException("moved " + moved + " of " + bytes + " bytes");
        }
        return bytes / 1e6 / seconds;
    }

    /** The JDK's blocking HTTP client: a thin client, so the figure is storaged's, not the client's. */
    private static long putThroughStoraged(URI storaged, Path file) {
        try {
            HttpURLConnection c = (HttpURLConnection) storaged.resolve(KEY).toURL().openConnection();
            c.setRequestMethod("PUT");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/octet-stream");
            c.setFixedLengthStreamingMode(Files.size(file));
            try (OutputStream out = c.getOutputStream()) {
                Files.copy(file, out);
            }
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("storaged PUT answered " + c.getResponseCode());
            }
            c.getInputStream().readAllBytes();
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long getThroughStoraged(URI storaged) {
        try {
            HttpURLConnection c = (HttpURLConnection) storaged.resolve(KEY).toURL().openConnection();
            try (InputStream in = c.getInputStream()) {
                return drain(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long putDirect(S3Client s3, String bucket, Path file) {
        s3.putObject(b -> b.bucket(bucket).key("bench/direct"), RequestBody.fromFile(file));
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the AWS CLI does with a file this size: 8 MiB parts (sent one after another here). */
    private static long putDirectMultipart(S3Client s3, String bucket, Path file) {
        int partSize = 8 * 1024 * 1024;
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("bench/direct-mp")).uploadId();
        java.util.List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new java.util.ArrayList<>();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            byte[] buffer = new byte[partSize];
            for (long offset = 0; offset < size; offset += partSize) {
                int length = (int) Math.min(partSize, size - offset);
                java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(buffer, 0, length);
                while (view.hasRemaining()) {
                    channel.read(view, offset + view.position());
                }
                int number = parts.size() + 1;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key("bench/direct-mp").uploadId(id).partNumber(number),
                        RequestBody.fromContentProvider(() -> new java.io.ByteArrayInputStream(buffer, 0, length), length,
                                "application/octet-stream")).eTag();
                parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key("bench/direct-mp").uploadId(id)
                    .multipartUpload(m -> m.parts(parts)));
            return size;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long getDirect(S3Client s3, String bucket) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key("bench/direct"))) {
            return drain(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[128 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }
}
