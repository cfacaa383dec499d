package com.lakehouse.observerd.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.text.HostPaths;

/**
 * The flushed journal: Parquet files under {@code journal/} in storaged, copied once into a local
 * cache (a file's key never gets other content: a rewrite after a retried flush holds the same
 * events) and read with DuckDB, which never reaches storaged itself.
 */
public class JournalFiles {

    static final String PREFIX = "journal/";

    private final StorageClient storage;
    private final Path cacheDir;

    public JournalFiles(StorageClient storage, Path cacheDir) {
        this.storage = storage;
        this.cacheDir = cacheDir;
    }

    /** The journal's Parquet objects, oldest first (keys sort by flush time). */
    public List<StoredObject> list() {
        return storage.listAll(PREFIX).stream().filter(o -> o.key().endsWith(".parquet"))
                .sorted(Comparator.comparing(StoredObject::key)).toList();
    }

    /** Every event of {@code entityId} in the files, newest first, at most {@code limit}. */
    public List<JournalEvent> entity(List<StoredObject> files, String entityId, int limit) {
        if (files.isEmpty()) {
            return List.of();
        }
        return query(files, "WHERE entity_id = ?", entityId, limit);
    }

    /**
     * The newest events, at most {@code limit}. Files are read newest first in a widening window, so
     * a short answer costs a few files, not the whole history.
     */
    public List<JournalEvent> recent(List<StoredObject> files, int limit) {
        int window = Math.min(files.size(), 8);
        while (true) {
            if (window == 0) {
                return List.of();
            }
            List<JournalEvent> events = query(files.subList(files.size() - window, files.size()), "", null, limit);
            if (events.size() >= limit || window == files.size()) {
                return events;
            }
            window = Math.min(files.size(), window * 2);
        }
    }

    private List<JournalEvent> query(List<StoredObject> files, String where, String parameter, int limit) {
        List<Path> local = files.stream().map(this::cached).toList();
        String sources = local.stream().map(DuckDbSql::literal).collect(Collectors.joining(", ", "[", "]"));
        String sql = "SELECT " + JournalSchema.selectList() + " FROM read_parquet(" + sources + ") " + where
                + " ORDER BY \"timestamp\" DESC, event_id DESC LIMIT " + limit;
        try (Connection connection = OfflineDuckDb.open(Map.of("threads", "1")); PreparedStatement st = connection.prepareStatement(sql)) {
            if (parameter != null) {
                st.setString(1, parameter);
            }
            List<JournalEvent> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB could not read the journal files: "
                    + HostPaths.redact(e.getMessage(), cacheDir, "<data_dir>"));
        }
    }

    /** The local copy of a journal object, downloaded on first use. */
    Path cached(StoredObject object) {
        Path target = cacheDir.resolve(object.key()).normalize();
        if (!target.startsWith(cacheDir.normalize())) {
            throw new IllegalStateException("journal key escapes the cache: " + object.key());
        }
        try {
            if (Files.isRegularFile(target) && (object.size() < 0 || Files.size(target) == object.size())) {
                return target;
            }
        } catch (java.io.IOException e) {
            // unreadable cache entry: download it again below
        }
        storage.download(object.key(), target);
        return target;
    }
}
