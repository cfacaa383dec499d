package com.lakehouse.observerd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.observerd.journal.JournalSchema;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.journal.JournalBatch;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.FreePort;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * The journal against the real thing: S3Proxy, storaged and catalogd as processes, observerd as a
 * process that is killed, stopped and restarted. flush_every is an hour, so every flush here comes
 * from flush_rows, a restart, a shutdown or {@code POST /journal/flush}.
 */
class JournalIT {

    private static final int FLUSH_ROWS = 5;

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static ServiceProcess observerd;
    private static StorageClient storage;
    private static CatalogClient catalog;

    @BeforeAll
    static void startFleet() {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged")).env(s3.credentialsEnv())
                .properties(s3.storagedProperties()).start();
        int observerdPort = FreePort.find();
        catalogd = ServiceProcess.builder("catalogd", work.resolve("catalogd"))
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", "http://127.0.0.1:" + observerdPort).start();
        observerd = ServiceProcess.builder("observerd", work.resolve("observerd")).port(observerdPort)
                .property("lakehouse.observerd.storaged_url", storaged.baseUrl())
                .property("lakehouse.observerd.catalogd_url", catalogd.baseUrl())
                .property("lakehouse.observerd.flush_rows", FLUSH_ROWS)
                .property("lakehouse.observerd.flush_every", "1h").start();
        storage = StorageClient.create(storaged.baseUrl(), Optional.empty());
        catalog = CatalogClient.create(catalogd.baseUrl(), Optional.empty());
    }

    @AfterAll
    static void stopFleet() {
        Closeables.closeAll(observerd, catalogd, storaged, s3);
    }

    private static JournalEvent event(String entityId, String action, String newValue) {
        return new JournalEvent(UUID.randomUUID().toString(), Instant.now().toString(), "test_entity", entityId, null,
                action, null, newValue, "token:primary", "journal-it");
    }

    private static void record(JournalEvent... events) {
        Http.Response response = Http.postAsService(observerd.url("/journal/events"), "journal-it",
                new JournalBatch(List.of(events)));
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(events.length);
    }

    private static JsonNode stats() {
        return Http.get(observerd.url("/journal/stats")).body();
    }

    private static List<String> ids(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(e -> e.get("event_id").stringValue()).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Reads every stored journal file with DuckDB, after downloading it, as a user of the files would. */
    private static List<String> storedEventIds(String entityId) throws Exception {
        List<String> ids = new ArrayList<>();
        Path dir = work.resolve("downloads-" + UUID.randomUUID());
        for (StoredObject object : storage.listAll("journal/")) {
            Path file = dir.resolve(object.key());
            storage.download(object.key(), file);
            try (Connection c = OfflineDuckDb.open(Map.of()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT event_id FROM read_parquet('" + file + "') WHERE entity_id = '"
                            + entityId + "'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    @Test
    void acknowledgedEventsSurviveKill9AndAreFlushedOnRestart() throws Exception {
        // Start from an empty WAL, so these three events stay below flush_rows until the kill.
        assertThat(Http.post(observerd.url("/journal/flush"), "").status()).isEqualTo(200);
        String entity = "replay-" + UUID.randomUUID();
        JournalEvent a = event(entity, "add", "1");
        JournalEvent b = event(entity, "update", "2");
        JournalEvent c = event(entity, "retire", null);
        record(a);
        record(b, c);
        observerd.kill();
        assertThat(storedEventIds(entity)).isEmpty();

        observerd.restart();
        await("the replayed WAL to be flushed", () -> stats().get("buffered").asInt() == 0);
        assertThat(storedEventIds(entity)).containsExactlyInAnyOrder(a.eventId(), b.eventId(), c.eventId());
        JsonNode history = Http.get(observerd.url("/journal/entity/" + entity)).body();
        assertThat(ids(history.get("events"))).containsExactly(c.eventId(), b.eventId(), a.eventId());
        assertThat(history.get("events").get(0).get("actor").stringValue()).isEqualTo("token:primary");
    }

    /**
     * kill -9 under a concurrent write load: four senders append three-event batches, observerd is
     * killed while they run, and after the restart every acknowledged event is in the journal.
     */
    @Test
    void everyAcknowledgedEventSurvivesKill9UnderConcurrentLoad() throws Exception {
        String entity = "load-" + UUID.randomUUID();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<java.util.concurrent.CompletableFuture<Void>> senders = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            senders.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                for (int b = 0; b < 100 && !stop.get(); b++) {
                    JournalEvent[] batch = {event(entity, "add", "a"), event(entity, "update", "b"), event(entity, "retire", null)};
                    try {
                        Http.Response response = Http.postAsService(observerd.url("/journal/events"), "journal-it",
                                new JournalBatch(List.of(batch)));
                        if (response.status() == 202) {
                            for (JournalEvent e : batch) {
                                acknowledged.add(e.eventId());
                            }
                        }
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            }));
        }
        await("some acknowledged batches", () -> acknowledged.size() >= 30);
        observerd.kill();
        stop.set(true);
        java.util.concurrent.CompletableFuture.allOf(senders.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        observerd.restart();
        await("the replayed WAL to be flushed", () -> stats().get("buffered").asInt() == 0);
        assertThat(storedEventIds(entity)).containsAll(List.copyOf(acknowledged));
    }

    @Test
    void shutdownFlushesToParquetThatDuckDbReads() throws Exception {
        String entity = "shutdown-" + UUID.randomUUID();
        JournalEvent a = event(entity, "add", "{\"text\":\"line one\\nline two\"}");
        record(a);
        observerd.stop();
        try {
            assertThat(storedEventIds(entity)).containsExactly(a.eventId());
        } finally {
            observerd.restart();
        }
    }

    @Test
    void flushRowsTriggersAFlushWithoutWaitingForFlushEvery() throws Exception {
        String entity = "rows-" + UUID.randomUUID();
        JournalEvent[] batch = new JournalEvent[FLUSH_ROWS];
        for (int i = 0; i < FLUSH_ROWS; i++) {
            batch[i] = event(entity, "add", Integer.toString(i));
        }
        record(batch);
        await("flush_rows to trigger a flush", () -> {
            try {
                return storedEventIds(entity).size() == FLUSH_ROWS;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void entityHistoryAndRecentReadBufferAndFilesNewestFirst() throws Exception {
        String entity = "history-" + UUID.randomUUID();
        JournalEvent first = event(entity, "add", "1");
        JournalEvent second = event(entity, "update", "2");
        record(first, second, event("someone-else", "add", "x"));
        Http.Response flush = Http.post(observerd.url("/journal/flush"), "");
        assertThat(flush.status()).as(flush.text()).isEqualTo(200);
        assertThat(flush.body().get("buffered").asInt()).isZero();
        JournalEvent third = event(entity, "delete", null);
        record(third);

        JsonNode history = Http.get(observerd.url("/journal/entity/" + entity)).body();
        assertThat(history.get("entity_id").stringValue()).isEqualTo(entity);
        assertThat(ids(history.get("events"))).containsExactly(third.eventId(), second.eventId(), first.eventId());
        assertThat(ids(Http.get(observerd.url("/journal/entity/" + entity + "?limit=2")).body().get("events")))
                .containsExactly(third.eventId(), second.eventId());

        JsonNode recent = Http.get(observerd.url("/journal/recent?limit=2")).body().get("events");
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).get("event_id").stringValue()).isEqualTo(third.eventId());
        assertThat(Http.get(observerd.url("/journal/entity/nobody-" + UUID.randomUUID())).body().get("count").asInt())
                .isZero();
        assertThat(Http.get(observerd.url("/journal/recent?limit=0")).status()).isEqualTo(400);
    }

    @Test
    void flushedFilesAreTheLakehouseJournalDatasetAndItsRegistrationIsNotJournaled() throws Exception {
        record(event("registered-" + UUID.randomUUID(), "add", "1"));
        assertThat(Http.post(observerd.url("/journal/flush"), "").status()).isEqualTo(200);

        DatasetManifest manifest = catalog.manifest(JournalSchema.DATASET);
        assertThat(manifest.schemaFingerprint()).isEqualTo(SchemaFingerprint.of(JournalSchema.columns()));
        assertThat(manifest.schema()).extracting(SchemaColumn::name).containsExactlyElementsOf(JournalSchema.COLUMNS);
        List<String> stored = storage.listAll("journal/").stream().map(StoredObject::key).toList();
        assertThat(manifest.objects()).extracting(DataObject::key).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(manifest.objects()).allSatisfy(o -> assertThat(o.rowCount()).isPositive());

        // A register of another dataset after ours is journaled by catalogd; once it arrives, anything
        // catalogd queued before it (a journal event about lakehouse_journal) would have arrived too.
        String other = "it_other_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        DataObject object = manifest.objects().get(0);
        catalog.register(new RegisterRequest(other, manifest.schemaFingerprint(), manifest.schema(), List.of(object),
                "replace"));
        await("catalogd's journal event for " + other, () -> Http.get(observerd.url("/journal/recent?limit=50")).text()
                .contains(other));
        assertThat(Http.get(observerd.url("/journal/recent?limit=10000")).text()).doesNotContain(JournalSchema.DATASET);
    }

    @Test
    void storagedDownKeepsTheWalAndALaterFlushStoresIt() throws Exception {
        String entity = "outage-" + UUID.randomUUID();
        JournalEvent a = event(entity, "add", "1");
        storaged.kill();
        try {
            record(a);
            Http.Response failed = Http.post(observerd.url("/journal/flush"), "");
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.body().get("detail").stringValue()).contains("storaged");
            JsonNode stats = stats();
            assertThat(stats.get("flush_errors").asLong()).isPositive();
            assertThat(stats.get("buffered").asInt()).isPositive();
            assertThat(stats.get("files").isNull()).isTrue();
        } finally {
            storaged.restart();
        }
        Http.Response retried = Http.post(observerd.url("/journal/flush"), "");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(storedEventIds(entity)).containsExactly(a.eventId());
        assertThat(stats().get("last_error").isNull()).isTrue();
    }

    @Test
    void anInvalidBatchIsRefusedWholeAndRecordsNothing() {
        String entity = "invalid-" + UUID.randomUUID();
        String body = "{\"events\":[{\"entity_type\":\"t\",\"entity_id\":\"" + entity + "\",\"action\":\"add\"},"
                + "{\"entity_type\":\"t\",\"action\":\"add\"}]}";
        Http.Response refused = Http.post(observerd.url("/journal/events"), body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").stringValue()).contains("events[1].entity_id");
        assertThat(Http.post(observerd.url("/journal/events"), "{\"events\":[]}").status()).isEqualTo(400);
        assertThat(Http.post(observerd.url("/journal/events"), "{\"events\":").status()).isEqualTo(400);
        assertThat(Http.get(observerd.url("/journal/entity/" + entity)).body().get("count").asInt()).isZero();
    }

    /** Issue 20: an outside sender cannot pose as a service, nor choose its actor or event id. */
    @Test
    void anOutsideSenderIsRecordedAsObserverdSawIt() {
        String entity = "outside-" + UUID.randomUUID();
        JournalEvent forged = new JournalEvent("forged-id", null, "test_entity", entity, null, "add", null, "1",
                "token:primary", "catalogd");
        Http.Response refused = Http.post(observerd.url("/journal/events"), new JournalBatch(List.of(forged)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.body().get("field").stringValue()).isEqualTo("events[0].source");

        JournalEvent claimed = new JournalEvent("claimed-id", null, "test_entity", entity, null, "add", null, "1",
                "token:primary", "a-script");
        assertThat(Http.post(observerd.url("/journal/events"), new JournalBatch(List.of(claimed))).status()).isEqualTo(202);
        JsonNode recorded = Http.get(observerd.url("/journal/entity/" + entity)).body().get("events");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("actor").stringValue()).isEqualTo("anonymous");
        assertThat(recorded.get(0).get("event_id").stringValue()).isNotEqualTo("claimed-id");
        assertThat(recorded.get(0).get("source").stringValue()).isEqualTo("a-script");
    }
}
