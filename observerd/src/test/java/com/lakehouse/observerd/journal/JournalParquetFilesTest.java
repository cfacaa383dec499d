package com.lakehouse.observerd.journal;

import static com.lakehouse.observerd.journal.JournalTestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;

/** The Parquet writer and the file reader against real DuckDB, with storaged replaced by a local map. */
class JournalParquetFilesTest {

    @TempDir
    Path dir;

    private final Map<String, Path> stored = new HashMap<>();
    private final StorageClient storage = mock(StorageClient.class);

    private StoredObject store(String key, List<JournalEvent> events) throws IOException {
        Path file = new JournalParquetWriter(dir.resolve("tmp")).write(events);
        Path kept = Files.move(file, dir.resolve("kept-" + stored.size() + ".parquet"));
        stored.put(key, kept);
        return new StoredObject(key, Files.size(kept), "etag", null);
    }

    private JournalFiles files() {
        doAnswer(call -> {
            Path target = call.getArgument(1);
            Files.createDirectories(target.getParent());
            Files.copy(stored.get((String) call.getArgument(0)), target);
            return null;
        }).when(storage).download(anyString(), any(Path.class));
        return new JournalFiles(storage, dir.resolve("cache"));
    }

    @Test
    void writtenFileHasTheJournalSchemaAndEveryValueIncludingNulls() throws Exception {
        JournalEvent withNulls = new JournalEvent("n", "2026-01-01T00:00:00.000000Z", "trace", "t", null, "retire",
                null, null, "anonymous", "pathway");
        Path file = new JournalParquetWriter(dir.resolve("tmp")).write(List.of(event(1), withNulls));
        try (Connection c = OfflineDuckDb.open(Map.of("threads", "1")); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + DuckDbSql.literal(file) + ")")) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i) + ":" + rs.getMetaData().getColumnTypeName(i));
            }
            assertThat(columns).containsExactlyElementsOf(JournalSchema.COLUMNS.stream().map(c2 -> c2 + ":VARCHAR").toList());
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("event_id")).isEqualTo("e1");
            assertThat(rs.getString("new_value")).isEqualTo("{\"version\":1}");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("field")).isNull();
            assertThat(rs.getString("old_value")).isNull();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void leftoversOfACrashedWriteAreRemovedOthersKept() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(tmp.resolve("journal-123.parquet"), "half a file");
        Files.writeString(tmp.resolve("unrelated.txt"), "kept");
        new JournalParquetWriter(tmp).removeLeftovers();
        assertThat(tmp.resolve("journal-123.parquet")).doesNotExist();
        assertThat(tmp.resolve("unrelated.txt")).exists();
        new JournalParquetWriter(dir.resolve("absent")).removeLeftovers();
    }

    @Test
    void entityHistoryAcrossFilesNewestFirstAndCachedOnce() throws Exception {
        List<StoredObject> objects = List.of(
                store("journal/2026/01/01/a.parquet", List.of(event("1", "2026-01-01T00:00:01.000000Z", "x"),
                        event("2", "2026-01-01T00:00:02.000000Z", "y"))),
                store("journal/2026/01/02/b.parquet", List.of(event("3", "2026-01-02T00:00:01.000000Z", "x"))));
        JournalFiles files = files();
        assertThat(files.entity(objects, "x", 10)).extracting(JournalEvent::eventId).containsExactly("3", "1");
        assertThat(files.entity(objects, "x", 1)).extracting(JournalEvent::eventId).containsExactly("3");
        assertThat(files.entity(objects, "none", 10)).isEmpty();
        assertThat(files.entity(List.of(), "x", 10)).isEmpty();
        verify(storage, times(2)).download(anyString(), any(Path.class));
        assertThat(dir.resolve("cache/journal/2026/01/02/b.parquet")).exists();
    }

    @Test
    void recentReadsNewestFilesFirstAndWidensWhenShort() throws Exception {
        List<StoredObject> objects = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            objects.add(store("journal/2026/01/01/f" + (char) ('a' + f) + ".parquet",
                    List.of(event("ev" + f, String.format("2026-01-01T00:00:%02d.000000Z", f), "x"))));
        }
        JournalFiles files = files();
        assertThat(files.recent(objects, 2)).extracting(JournalEvent::eventId).containsExactly("ev11", "ev10");
        assertThat(files.recent(objects, 12)).hasSize(12).first().extracting(JournalEvent::eventId).isEqualTo("ev11");
        assertThat(files.recent(objects, 100)).hasSize(12);
        assertThat(files.recent(List.of(), 5)).isEmpty();
    }
}
