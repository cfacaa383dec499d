package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.storaged.store.PutResult;

/**
 * Objects far larger than storaged's heap go through it both ways: storaged runs with -Xmx256m,
 * so holding a 1 GiB body (or even the 320 MiB one) would end in OutOfMemoryError.
 */
class StoragedStreamingIT {

    static final long GIB = 1024L * 1024 * 1024;
    static final long MIB = 1024L * 1024;

    @TempDir
    static Path work;
    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static StoragedHttp http;

    @BeforeAll
    static void startFleet() {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged")).heap("256m")
                .env(s3.credentialsEnv()).properties(s3.storagedProperties())
                .property("lakehouse.storaged.prefix_caps[big/]", 2 * GIB)
                .start();
        http = new StoragedHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stopFleet() {
        storaged.close();
        s3.close();
    }

    @Test
    void oneGibChunkedPutAndStreamedGetWithBoundedMemory() throws Exception {
        GeneratedBody body = new GeneratedBody(GIB, 1);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(http.objectUri("big/one-gib"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        PutResult result = LakehouseJson.mapper().readValue(put.body(), PutResult.class);
        assertThat(result.size()).isEqualTo(GIB);
        assertThat(result.etag()).as("a chunked body of 1 GiB goes up as a multipart upload").contains("-");

        assertThat(sha256OfGet("big/one-gib", GIB)).isEqualTo(body.sha256Hex());
        assertMemoryBounded();
    }

    @Test
    void knownLengthPutLargerThanTheHeapStreams() throws Exception {
        long size = 320 * MIB;
        GeneratedBody body = new GeneratedBody(size, 2);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(http.objectUri("big/known-length"))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), size)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(LakehouseJson.mapper().readValue(put.body(), PutResult.class).size()).isEqualTo(size);
        // Content round trips of this path are checked in StoragedIT; here the point is memory.
        HttpResponse<String> head = http.head("big/known-length");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertMemoryBounded();
    }

    private static String sha256OfGet(String key, long size) throws Exception {
        HttpResponse<InputStream> get = http.sendStreaming(HttpRequest.newBuilder(http.objectUri(key)).GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValueAsLong("Content-Length")).hasValue(size);
        MessageDigest digest = GeneratedBody.sha256();
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        try (InputStream in = new DigestInputStream(get.body(), digest)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        assertThat(total).isEqualTo(size);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void assertMemoryBounded() throws Exception {
        assertThat(storaged.isAlive()).isTrue();
        ProcessMemory memory = ProcessMemory.ofServiceOnPort(storaged.port());
        long heap = memory.committedHeapBytes();
        long peakRss = memory.peakRssBytes();
        System.out.printf("storaged committed heap %d MiB, peak RSS %d MiB%n", heap / MIB, peakRss / MIB);
        assertThat(heap).isLessThanOrEqualTo(256 * MIB);
        // JVM, metaspace and code cache included, and far below the 1 GiB the object would take.
        assertThat(peakRss).isLessThan(640 * MIB);
        assertThat(storaged.logTail(400)).doesNotContain("OutOfMemoryError");
    }
}
