package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/** Upload slots, and S3 going away and coming back while storaged keeps running. */
class StoragedResilienceIT {

    @TempDir
    static Path work;
    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static StoragedHttp http;

    @BeforeAll
    static void startFleet() {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties())
                .property("lakehouse.storaged.max_concurrent_puts", 1)
                .property("lakehouse.storaged.put_queue_wait", "500ms")
                .start();
        http = new StoragedHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stopFleet() {
        storaged.close();
        s3.close();
    }

    @Test
    void aPutPastTheSlotsWaitsThenGets503WithRetryAfter() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> heldPut("slots/slow", sending, release),
                Executors.newVirtualThreadPerTaskExecutor());
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> refused = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (refused == null && Instant.now().isBefore(deadline)) {
            assertThat(slow).as("the slow PUT holds its slot").isNotDone();
            long start = System.nanoTime();
            HttpResponse<String> second = http.put("slots/second", new byte[] {1});
            if (second.statusCode() == 503) {
                refused = second;
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited put_queue_wait first")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(450));
            }
        }
        assertThat(refused).as("a second PUT is refused while the only slot is held").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");

        release.countDown();
        assertThat(slow.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(http.put("slots/after", new byte[] {2}).statusCode()).as("the slot came back").isEqualTo(200);
    }

    /** A chunked PUT that sends ten bytes, then holds the upload open until released. */
    private static int heldPut(String key, CountDownLatch sending, CountDownLatch release) {
        try {
            HttpURLConnection connection = (HttpURLConnection) http.objectUri(key).toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setChunkedStreamingMode(10);
            try (OutputStream out = connection.getOutputStream()) {
                out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sending.countDown();
                release.await();
            }
            return connection.getResponseCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void s3OutageIs503AndStoragedRecoversWithoutRestart() throws Exception {
        assertThat(http.put("outage/before", "kept".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        s3.stop();
        ServiceProcess late = null;
        try {
            assertAllRoutesUnavailable(http);
            assertThat(http.raw("GET", "/health", HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);

            // A storaged that starts while S3 is down still comes up, and creates its bucket later.
            late = ServiceProcess.builder("storaged", work.resolve("late"))
                    .env(s3.credentialsEnv()).properties(s3.storagedProperties())
                    .property("lakehouse.s3.bucket", "created-late").start();
            StoragedHttp lateHttp = new StoragedHttp(late.baseUrl());
            assertThat(lateHttp.put("late/x", new byte[] {1}).statusCode()).isEqualTo(503);
        } finally {
            s3.start();
        }
        HttpResponse<byte[]> kept = http.get("outage/before", null);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(new String(kept.body(), StandardCharsets.UTF_8)).isEqualTo("kept");
        assertThat(http.put("outage/after", new byte[] {3}).statusCode()).isEqualTo(200);

        StoragedHttp lateHttp = new StoragedHttp(late.baseUrl());
        assertThat(lateHttp.put("late/x", new byte[] {1}).statusCode()).isEqualTo(200);
        assertThat(lateHttp.list("?prefix=late/").body()).contains("\"key\":\"late/x\"");
        assertNoCredentialsIn(storaged.logFile());
        assertNoCredentialsIn(late.logFile());
        late.close();
    }

    private static void assertAllRoutesUnavailable(StoragedHttp client) {
        for (HttpResponse<?> response : new HttpResponse<?>[] {client.put("outage/x", new byte[] {1}),
                client.get("outage/before", null), client.head("outage/before"), client.delete("outage/before"),
                client.list("?prefix=outage/")}) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            if (!"HEAD".equals(response.request().method())) {
                String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                        : String.valueOf(response.body());
                assertThat(body).contains("\"status\":503").doesNotContain(S3ProxyServer.SECRET_KEY)
                        .doesNotContain(S3ProxyServer.ACCESS_KEY);
            }
        }
    }

    private static void assertNoCredentialsIn(Path log) throws Exception {
        String text = Files.readString(log);
        assertThat(text).isNotEmpty().doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
    }
}
