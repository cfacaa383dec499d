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
 * Issue 21: faults while uploads are in flight. Writers PUT objects of a few hundred KiB to a MiB
 * under keys of their own; storaged is killed at a random moment (or S3 stopped and started again),
 * and then every acknowledged object reads back byte for byte, and every object the list shows is
 * whole: a body some writer sent in full, never the first part of one.
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
        UploadLoad load = UploadLoad.start("crash");
        load.awaitAcks(WRITERS * 2);
        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 300));
        storaged.kill();
        load.stop();
        storaged.restart();

        load.assertAcknowledgedIntactAndNothingPartial(null);
    }

    @Test
    void s3StoppedAndRestartedUnderLoadLosesNothingAcknowledged() throws Exception {
        UploadLoad load = UploadLoad.start("outage");
        load.awaitAcks(WRITERS * 2);
        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 300));
        s3.stop();
        int acksAtStop = load.acks.get();
        Await.until("uploads refused while S3 is down", Duration.ofMinutes(1), () -> load.refused.get() >= WRITERS,
                () -> storaged.logTail(20));
        s3.start();
        load.awaitAcks(acksAtStop + WRITERS * 2);
        load.stop();

        // S3Proxy's filesystem backend (the embedded dev server) writes an upload to "<key>-<uuid>"
        // and renames it when complete; stopped mid-write it leaves that file, which it then lists.
        // Those names were never sent by anyone; every key a writer did send is whole. (S3, MinIO and
        // the other servers SPEC §3 names make an object visible only when its body is complete.)
        load.assertAcknowledgedIntactAndNothingPartial(S3PROXY_TEMP_FILE);
        assertThat(storaged.isAlive()).isTrue();
    }

    /** A name S3Proxy's filesystem backend gives an upload in progress: the key, "-", a UUID. */
    private static final java.util.regex.Pattern S3PROXY_TEMP_FILE =
            java.util.regex.Pattern.compile(".*-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** {@link #WRITERS} threads uploading objects of their own under {@code prefix/} until stopped. */
    private static final class UploadLoad {

        final String prefix;
        final Map<String, String> sent = new ConcurrentHashMap<>();          // key -> sha256 of the body sent
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();  // key -> sha256, answered 200
        final AtomicInteger acks = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> writers = new ArrayList<>();

        private UploadLoad(String prefix) {
            this.prefix = prefix;
        }

        static UploadLoad start(String prefix) {
            UploadLoad load = new UploadLoad(prefix);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                load.writers.add(Thread.ofPlatform().start(() -> load.write(writer)));
            }
            return load;
        }

        private void write(int writer) {
            Random random = new Random(writer);
            for (int seq = 0; running.get(); seq++) {
                byte[] body = new byte[256 * 1024 + random.nextInt(768 * 1024)];
                random.nextBytes(body);
                String key = prefix + "/w" + writer + "/" + seq + ".bin";
                sent.put(key, sha256(body));
                try {
                    HttpResponse<String> response = http.put(key, body);
                    if (response.statusCode() == 200) {
                        acknowledged.put(key, sent.get(key));
                        acks.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                        Thread.sleep(50);
                    }
                } catch (RuntimeException | InterruptedException goneMidUpload) {
                    // storaged went away under this upload: not acknowledged
                }
            }
        }

        void awaitAcks(int count) {
            Await.until(count + " acknowledged uploads", Duration.ofMinutes(2), () -> acks.get() >= count,
                    () -> storaged.logTail(20));
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : writers) {
                t.join();
            }
        }

        /** @param leftoverOfS3 names of S3's own leftovers that are not objects anyone sent (null: none allowed) */
        void assertAcknowledgedIntactAndNothingPartial(java.util.regex.Pattern leftoverOfS3) throws Exception {
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                HttpResponse<byte[]> read = http.get(ack.getKey(), null);
                assertThat(read.statusCode()).as("acknowledged %s", ack.getKey()).isEqualTo(200);
                assertThat(sha256(read.body())).as("bytes of %s", ack.getKey()).isEqualTo(ack.getValue());
            }
            HttpResponse<String> list = http.list("?prefix=" + prefix + "/&limit=1000");
            assertThat(list.statusCode()).isEqualTo(200);
            List<String> listed = LakehouseJson.mapper().readValue(list.body(), ObjectPage.class).objects().stream()
                    .map(StoredObject::key).toList();
            assertThat(listed).as("every acknowledged object is listed").containsAll(acknowledged.keySet());
            for (String key : listed) {
                if (!sent.containsKey(key) && leftoverOfS3 != null && leftoverOfS3.matcher(key).matches()) {
                    continue;
                }
                HttpResponse<byte[]> read = http.get(key, null);
                assertThat(sha256(read.body())).as("%s is a whole body that was sent, not part of one", key)
                        .isEqualTo(sent.get(key));
            }
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
