package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * Slow clients (issue #21): uploads that trickle 16 KiB every 10 s hold every outside upload slot,
 * yet a write carrying the fleet's service header (as StorageClient sends it) still succeeds; the
 * tricklers are cut with 408 under the minimum rate, a client that stops sending is cut at the idle
 * timeout, and their slots come back.
 */
class StoragedSlowClientIT {

    private static final int CHUNK = 16 * 1024;

    @TempDir
    static Path work;
    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static StoragedHttp http;
    static final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void startFleet() {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties())
                .property("lakehouse.storaged.max_concurrent_puts", 4)
                .property("lakehouse.storaged.fleet_put_slots", 2)
                .property("lakehouse.storaged.put_queue_wait", "1s")
                .property("lakehouse.storaged.upload_rate_window", "5s")
                .property("lakehouse.storaged.upload_min_bytes_per_second", 8192)
                .property("lakehouse.storaged.upload_idle_timeout", "14s")
                .start();
        http = new StoragedHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stopFleet() {
        clients.shutdownNow();
        storaged.close();
        s3.close();
    }

    @Test
    void fourTricklersHoldTheOutsideSlotsButTheFleetStillWritesAndTheTricklersAreCut() throws Exception {
        List<CompletableFuture<String>> tricklers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            // Two declare a length (one streamed PutObject), two are chunked (the part reader).
            boolean chunked = i % 2 == 0;
            String key = "trickle/" + i;
            tricklers.add(CompletableFuture.supplyAsync(() -> slowPut(key, chunked, Duration.ofSeconds(10), 20), clients));
        }
        // Wait until all four hold a slot: an outside PUT is then refused after put_queue_wait.
        HttpResponse<String> refused = null;
        for (int attempt = 0; attempt < 20 && refused == null; attempt++) {
            HttpResponse<String> outside = http.put("outside/x", new byte[] {1});
            if (outside.statusCode() == 503) {
                refused = outside;
            } else {
                Thread.sleep(200);
            }
        }
        assertThat(refused).as("an outside PUT finds every outside slot held").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> fleetWrite = http.send(HttpRequest.newBuilder(http.objectUri("fleet/journal-flush"))
                .header(StorageClient.SERVICE_HEADER, "fleet").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[4096])));
        assertThat(fleetWrite.statusCode()).as(fleetWrite.body()).isEqualTo(200);
        assertThat(tricklers).as("the fleet's write did not wait for the tricklers").noneMatch(CompletableFuture::isDone);

        for (CompletableFuture<String> trickler : tricklers) {
            String answer = trickler.get(60, TimeUnit.SECONDS);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("under the minimum of 8192 bytes/s");
        }
        // The pace is judged when a read returns, so a 10 s gap is seen at the second or third chunk.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cut at the second or third chunk")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(http.put("outside/after", new byte[] {2}).statusCode()).as("the slots came back").isEqualTo(200);
        assertThat(http.head("trickle/1").statusCode()).as("a cut upload stores nothing").isEqualTo(404);
        assertThat(http.head("trickle/0").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientThatStopsSendingIsCutAtTheIdleTimeout() throws Exception {
        long started = System.nanoTime();
        String answer = CompletableFuture.supplyAsync(() -> slowPut("stalled/x", false, Duration.ofMinutes(2), 2), clients)
                .get(60, TimeUnit.SECONDS);
        // Tomcat's read timeout marks the request 408 itself and answers with its error page, not our detail.
        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(13), Duration.ofSeconds(45));
        assertThat(http.put("stalled/after", new byte[] {2}).statusCode()).isEqualTo(200);
    }

    /**
     * A PUT over a raw socket that sends 16 KiB, then another every {@code gap}, at most
     * {@code chunks} times; returns the status line and body storaged answers with.
     */
    private static String slowPut(String key, boolean chunked, Duration gap, int chunks) {
        URI uri = http.objectUri(key);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            String framing = chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + (long) CHUNK * 1000;
            out.write(("PUT " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + framing + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            try {
                for (int i = 0; i < chunks && socket.getInputStream().available() == 0; i++) {
                    if (chunked) {
                        out.write((Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    sleepUnlessAnswered(socket, gap);
                }
            } catch (IOException writeRefused) {
                // storaged answered and closed while we were still sending: read its answer below
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer.append(line).append('\n');
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepUnlessAnswered(Socket socket, Duration gap) throws IOException {
        long end = System.nanoTime() + gap.toNanos();
        while (System.nanoTime() < end && socket.getInputStream().available() == 0) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
