package com.lakehouse.ingestd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.testing.Await;

/**
 * Issue 21: kill -9 of ingestd in the middle of a concurrent ingest load loses nothing acknowledged
 * and leaves nothing half done. Each writer appends its own small files to its own dataset; ingestd
 * is killed at a random moment while they run, restarted, and then every acknowledged file's object
 * is in its dataset's live object list, every object in a live list exists in storage with the rows
 * the catalog says, and the same writers can go on ingesting.
 */
class IngestdCrashIT {

    private static final int WRITERS = 3;

    @TempDir
    static Path work;
    private static IngestFleet fleet;

    @BeforeAll
    static void start() throws IOException {
        fleet = new IngestFleet(work);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aKillMidIngestLosesNoAcknowledgedFileAndLeavesNoHalfRegisteredOne() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger acks = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (int seq = 0; running.get(); seq++) {
                    try {
                        HttpResponse<String> response = fleet.ingest("?name=crash_w" + writer + "&mode=append",
                                csv(writer, seq));
                        if (response.statusCode() / 100 == 2) {
                            acknowledged.add(IngestFleet.json(response).get("key").asString());
                            acks.incrementAndGet();
                        }
                    } catch (RuntimeException | AssertionError killedMidRequest) {
                        // ingestd went away under this request: not acknowledged, so no promise to check
                    }
                }
            }));
        }
        Await.until("a few acknowledged ingests before the kill", Duration.ofMinutes(3),
                () -> acks.get() >= WRITERS * 2, () -> fleet.ingestd.logTail(20));
        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 400));
        fleet.ingestd.kill();
        running.set(false);
        for (Thread t : writers) {
            t.join();
        }

        fleet.ingestd.restart();

        Set<String> live = new HashSet<>();
        for (int w = 0; w < WRITERS; w++) {
            DatasetManifest manifest = fleet.catalog.manifest("crash_w" + w);
            assertThat(manifest.rowCount()).as("rows of crash_w%d", w)
                    .isEqualTo(manifest.objects().stream().mapToLong(DataObject::rowCount).sum());
            for (DataObject object : manifest.objects()) {
                assertThat(fleet.storage.head(object.key())).as("live object %s in storage", object.key())
                        .hasValueSatisfying(stored -> assertThat(stored.size()).isEqualTo(object.size()));
                assertThat(fleet.readParquet(object.key()).rows()).as("rows of %s", object.key())
                        .hasSize((int) object.rowCount());
                live.add(object.key());
            }
        }
        assertThat(live).as("every acknowledged file is live").containsAll(acknowledged);

        for (int w = 0; w < WRITERS; w++) {
            HttpResponse<String> after = fleet.ingest("?name=crash_w" + w + "&mode=append", csv(w, 1_000_000));
            assertThat(after.statusCode() / 100).as(after.body()).isEqualTo(2);
        }
        assertThat(acknowledged.stream().map(k -> k.split("/")[1]).collect(Collectors.toSet()))
                .as("the load reached every writer's dataset").hasSize(WRITERS);
    }

    /** A file of its own per writer and sequence: its SHA-256, and so its object key, is new each time. */
    private static byte[] csv(int writer, int seq) {
        StringBuilder out = new StringBuilder("writer,seq,note\n");
        for (int row = 0; row < 20; row++) {
            out.append(writer).append(',').append(seq).append(",row ").append(row).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
