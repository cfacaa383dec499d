package com.lakehouse.queryd.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.queryd.sandbox.SqlSandbox;
import com.lakehouse.queryd.sandbox.VettedQuery;
import com.lakehouse.queryd.views.ViewGenerations;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;

/**
 * Test fixture: queryd's query path wired exactly as QuerydConfiguration wires it (engine, sandbox,
 * executor, redactor), over a data directory of the test's own, with one dataset view {@code people}.
 */
public final class LockedDownDuckDb implements AutoCloseable {

    public final Path dataDir;
    public final Path cacheDir;
    public final DuckDbEngine engine;
    public final SqlSandbox sandbox;
    public final QueryExecutor executor;
    public final ErrorRedactor redactor;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public LockedDownDuckDb(Path dataDir, Duration timeout) throws SQLException {
        this.dataDir = dataDir;
        this.cacheDir = dataDir.resolve("cache");
        writeParquet(cacheDir.resolve("people.parquet"),
                "SELECT range AS id, 'person ' || range AS name, range * 1.5 AS score FROM range(100)");
        this.engine = DuckDbEngine.open(new EngineSettings(cacheDir, dataDir.resolve("tmp"), "256MB", 2, "1GiB"));
        engine.define(List.of("CREATE OR REPLACE VIEW people AS SELECT * FROM read_parquet(["
                + DuckDbSql.literal(engine.cacheDir() + "people.parquet") + "])"));
        this.sandbox = new SqlSandbox(engine);
        this.redactor = new ErrorRedactor(List.of(
                new ErrorRedactor.Replacement(cacheDir.toAbsolutePath().toString(), "<cache>"),
                new ErrorRedactor.Replacement(dataDir.resolve("tmp").toAbsolutePath().toString(), "<tmp>"),
                new ErrorRedactor.Replacement(System.getProperty("user.home"), "<home>"),
                new ErrorRedactor.Replacement(dataDir.toAbsolutePath().toString(), "<data_dir>")), List.of());
        this.executor = new QueryExecutor(engine, new ViewGenerations(), workers, timer, timeout, redactor);
    }

    /** The service's path for one request: vet, then execute. */
    public RowsResult query(String sql, int maxRows) {
        VettedQuery vetted = sandbox.vet(sql);
        return executor.run(vetted, maxRows, new JsonRowsReader(redactor, Long.MAX_VALUE)).value();
    }

    /** Writes a Parquet file with an unrestricted, separate DuckDB (the service's database never writes). */
    public static void writeParquet(Path target, String select) throws SQLException {
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement st = c.createStatement()) {
            target.toAbsolutePath().getParent().toFile().mkdirs();
            st.execute("COPY (" + select + ") TO " + DuckDbSql.literal(target.toAbsolutePath().toString()) + " (FORMAT parquet)");
        }
    }

    @Override
    public void close() throws SQLException {
        workers.shutdownNow();
        timer.shutdownNow();
        engine.close();
    }
}
