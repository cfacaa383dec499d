package com.lakehouse.queryd.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.duckdb.DuckDBConnection;

import com.lakehouse.queryd.sandbox.ParserVerdict;
import com.lakehouse.queryd.sandbox.SqlParser;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;

/**
 * The one in-memory DuckDB database of queryd. Setup runs on a trusted connection and ends by
 * locking the database down: no extension install or autoload, no file or URL access outside the
 * cache directory, and a locked configuration so no statement can undo any of it. Every query gets
 * a connection of its own ({@link #connect()}); view definitions go through {@link #define}.
 */
public final class DuckDbEngine implements SqlParser, AutoCloseable {

    private final DuckDBConnection root;
    private final ReentrantLock ddl = new ReentrantLock();
    private final BlockingQueue<PreparedStatement> parsers = new ArrayBlockingQueue<>(32);
    private final ParserVerdictCache verdicts = new ParserVerdictCache();
    private final String cacheDir;

    private DuckDbEngine(DuckDBConnection root, String cacheDir) {
        this.root = root;
        this.cacheDir = cacheDir;
    }

    /** Opens and locks down a fresh in-memory database. */
    public static DuckDbEngine open(EngineSettings settings) {
        try {
            Files.createDirectories(settings.cacheDir());
            Files.createDirectories(settings.tempDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the queryd data directories", e);
        }
        try {
            DuckDBConnection root = (DuckDBConnection) OfflineDuckDb.open(Map.of());
            try (Statement st = root.createStatement()) {
                for (String sql : setupStatements(settings)) {
                    st.execute(sql);
                }
            }
            return new DuckDbEngine(root, withSlash(settings.cacheDir().toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up DuckDB: " + e.getMessage(), e);
        }
    }

    /** Order matters: everything is set before external access goes off and the configuration is locked. */
    static List<String> setupStatements(EngineSettings settings) {
        List<String> sql = new ArrayList<>();
        // OfflineDuckDb opened it with extensions off; set again GLOBAL so the lock below covers them too.
        sql.add("SET GLOBAL autoinstall_known_extensions = false");
        sql.add("SET GLOBAL autoload_known_extensions = false");
        sql.add("SET GLOBAL allow_community_extensions = false");
        sql.add("SET GLOBAL memory_limit = " + DuckDbSql.literal(settings.memoryLimit().trim()));
        if (settings.threads() > 0) {
            sql.add("SET GLOBAL threads = " + settings.threads());
        }
        sql.add("SET GLOBAL TimeZone = 'UTC'");
        sql.add("SET GLOBAL temp_directory = " + DuckDbSql.literal(settings.tempDir().toString()));
        // Spilling stops there (the query fails) rather than when the disk is full; locked below like the rest.
        sql.add("SET GLOBAL max_temp_directory_size = " + DuckDbSql.literal(settings.maxTempDirectorySize().trim()));
        sql.add("SET GLOBAL allowed_directories = [" + DuckDbSql.literal(withSlash(settings.cacheDir().toString())) + "]");
        sql.add("SET GLOBAL enable_external_access = false");
        sql.add("SET GLOBAL lock_configuration = true");
        return sql;
    }

    /** A new connection to the shared database, for one query. */
    public Connection connect() throws SQLException {
        return root.duplicate();
    }

    /** The cache directory as view definitions name it, with a trailing separator. */
    public String cacheDir() {
        return cacheDir;
    }

    /** Runs trusted DDL (view definitions), one statement at a time, in order. */
    public void define(List<String> statements) throws SQLException {
        ddl.lock();
        try (Statement st = root.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } finally {
            ddl.unlock();
        }
    }

    /**
     * DuckDB's parser verdict on {@code sql}; the text is a bound parameter, so nothing in it runs.
     * Parser statements are prepared once and reused, as this runs before every query, and the
     * verdicts on recent texts are remembered.
     */
    @Override
    public ParserVerdict parse(String sql) {
        Optional<ParserVerdict> known = verdicts.get(sql);
        if (known.isPresent()) {
            return known.get();
        }
        PreparedStatement ps = parsers.poll();
        try {
            if (ps == null) {
                ps = connect().prepareStatement("""
                        SELECT j->>'error', j->>'error_type', j->>'error_message', json_array_length(j->'statements')
                        FROM (SELECT json_serialize_sql(?::VARCHAR)::JSON AS j)""");
            }
            ps.setString(1, sql);
            ParserVerdict verdict;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                verdict = "true".equals(rs.getString(1))
                        ? new ParserVerdict(0, true, "not implemented".equals(rs.getString(2)), rs.getString(3))
                        : new ParserVerdict(rs.getInt(4), false, false, "");
            }
            if (!parsers.offer(ps)) {
                closeQuietly(ps);
            }
            verdicts.put(sql, verdict);
            return verdict;
        } catch (SQLException e) {
            closeQuietly(ps);
            return new ParserVerdict(0, true, false, e.getMessage());
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps == null) {
            return;
        }
        try {
            Connection connection = ps.getConnection();
            ps.close();
            connection.close();
        } catch (SQLException ignored) {
            // a broken parser statement is dropped either way
        }
    }

    private static String withSlash(String dir) {
        return dir.endsWith(File.separator) ? dir : dir + File.separator;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps = parsers.poll(); ps != null; ps = parsers.poll()) {
            closeQuietly(ps);
        }
        root.close();
    }
}
