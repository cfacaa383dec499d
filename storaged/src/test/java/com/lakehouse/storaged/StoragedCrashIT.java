package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.storage.ObjectPage;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * Issue 21: kill -9 of storaged while uploads are in flight. Writers PUT objects of a few hundred
 * KiB to a MiB under keys of their own; storaged is killed at a random moment, restarted, and then
 * every acknowledged object reads back byte for byte, and every object the list shows is whole: a
 * body some writer sent in full, never the first part of one.
 */
class StoragedCrashIT {

    private static final int WRITERS = 4;

    @TempDir
    static Path work;
    static S3ProxyServer s3;
    static ServiceProcess storaged;
    static StoragedHttp http;

    @BeforeAll
    static void startFleet() {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties()).start();
        http = new StoragedHttp(storaged.baseUrl());
    }

    @AfterAll
    static void stopFleet() {
        storaged.close();
        s3.close();
    }

    @Test
    void aKillMidUploadLosesNoAcknowledgedObjectAndShowsNoPartialOne() throws Exception {
        Map<String, String> sent = new ConcurrentHashMap<>();          // key -> sha256 of the body sent
        Map<String, String> acknowledged = new ConcurrentHashMap<>();  // key -> sha256, answered 200
        AtomicInteger acks = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                Random random = new Random(writer);
                for (int seq = 0; running.get(); seq++) {
                    byte[] body = new byte[256 * 1024 + random.nextInt(768 * 1024)];
                    random.nextBytes(body);
                    String key = "crash/w" + writer + "/" + seq + ".bin";
                    sent.put(key, sha256(body));
                    try {
                        HttpResponse<String> response = http.put(key, body);
                        if (response.statusCode() == 200) {
                            acknowledged.put(key, sent.get(key));
                            acks.incrementAndGet();
                        }
                    } catch (RuntimeException killedMidUpload) {
                        // storaged went away under this upload: not acknowledged
                    }
                }
            }));
        }
        Await.until("a few acknowledged uploads before the kill", Duration.ofMinutes(2),
                () -> acks.get() >= WRITERS * 2, () -> storaged.logTail(20));
        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 300));
        storaged.kill();
        running.set(false);
        for (Thread t : writers) {
            t.join();
        }
        storaged.restart();

        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            HttpResponse<byte[]> read = http.get(ack.getKey(), null);
            assertThat(read.statusCode()).as("acknowledged %s", ack.getKey()).isEqualTo(200);
            assertThat(sha256(read.body())).as("bytes of %s", ack.getKey()).isEqualTo(ack.getValue());
        }
        HttpResponse<String> list = http.list("?prefix=crash/&limit=1000");
        assertThat(list.statusCode()).isEqualTo(200);
        List<String> listed = LakehouseJson.mapper().readValue(list.body(), ObjectPage.class).objects().stream()
                .map(StoredObject::key).toList();
        assertThat(listed).as("every acknowledged object is listed").containsAll(acknowledged.keySet());
        for (String key : listed) {
            HttpResponse<byte[]> read = http.get(key, null);
            assertThat(sha256(read.body())).as("%s is a whole body that was sent, not part of one", key)
                    .isEqualTo(sent.get(key));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
