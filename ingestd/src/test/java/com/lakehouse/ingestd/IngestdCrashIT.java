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
 * and leaves nothing half done. Each writer appends its own small files to its own dataset and, every
 * other file, to one dataset all writers share (appends to one dataset run side by side); ingestd
 * is killed at a random moment while they run, restarted, and then every acknowledged file's object
 * is in its dataset's live object list, every object in a live list exists in storage with the rows
 * the catalog says, and the same writers can go on ingesting.
 */
class IngestdCrashIT {

    private static final int WRITERS = 3;
    private static final String SHARED = "crash_shared";

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
                        String dataset = seq % 2 == 0 ? "crash_w" + writer : SHARED;
                        HttpResponse<String> response = fleet.ingest("?name=" + dataset + "&mode=append",
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
        List<String> datasets = new ArrayList<>(List.of(SHARED));
        for (int w = 0; w < WRITERS; w++) {
            datasets.add("crash_w" + w);
        }
        for (String dataset : datasets) {
            DatasetManifest manifest = fleet.catalog.manifest(dataset);
            List<DatasetManifest> versions = fleet.catalog.versions(dataset).versions();
            for (int v = 0; v < versions.size(); v++) {
                assertThat(versions.get(v).version()).as("versions of %s without gaps", dataset).isEqualTo(v + 1L);
            }
            assertThat(manifest.rowCount()).as("rows of %s", dataset)
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
                .as("the load reached every writer's dataset and the shared one").hasSize(WRITERS + 1);
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
