package com.lakehouse.queryd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.http.LakehouseJson;

/**
 * Issue 20 / SPEC §2: no absolute host path in any answer. The database here lives in a temporary
 * directory outside the working directory, so DuckDB names it absolutely in views, settings, plans
 * and filename columns; every string of a result is rewritten (JSON, CSV, Arrow), and errors too.
 */
class HostPathsInResultsTest {

    @TempDir
    static Path dir;
    private static LockedDownDuckDb db;
    private static final BufferAllocator allocator = new RootAllocator();

    @BeforeAll
    static void open() throws Exception {
        db = new LockedDownDuckDb(dir, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
        allocator.close();
    }

    private static String absolute() {
        return dir.toAbsolutePath().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT sql FROM duckdb_views() WHERE NOT internal",
            "SELECT current_setting('temp_directory') AS t",
            "SELECT name, value FROM duckdb_settings()",
            "EXPLAIN SELECT * FROM people",
            "EXPLAIN ANALYZE SELECT * FROM people",
            "SELECT filename, count(*) FROM read_parquet('<cache>/people.parquet', filename=true) GROUP BY filename",
            "SELECT [current_setting('temp_directory')] AS l, {'t': current_setting('temp_directory')} AS s"})
    void noResultNamesTheDataDirectory(String template) throws Exception {
        String sql = template.replace("<cache>/", db.engine.cacheDir());
        String json = LakehouseJson.mapper().writeValueAsString(db.query(sql, 1000));
        assertThat(json).doesNotContain(absolute()).doesNotContain(System.getProperty("user.home") + "/");
        assertThat(csv(sql)).doesNotContain(absolute());
    }

    @Test
    void placeholdersReplaceTheDirectories() {
        assertThat(db.query("SELECT current_setting('temp_directory')", 1).rows().getFirst().getFirst()).isEqualTo("<tmp>");
        assertThat(db.query("SELECT filename FROM read_parquet('" + db.engine.cacheDir() + "people.parquet', filename=true) LIMIT 1",
                1).rows().getFirst().getFirst()).isEqualTo("<cache>/people.parquet");
    }

    @Test
    void arrowTextColumnsAreRewrittenAndNestedOnesRefused() throws Exception {
        ArrowStreamReader arrow = new ArrowStreamReader(allocator, db.redactor, Long.MAX_VALUE);
        ArrowResult result = db.executor.run(db.sandbox.vet(
                "SELECT id, current_setting('temp_directory') AS t, name FROM people ORDER BY id"), 3, arrow).value();
        try (var reader = new org.apache.arrow.vector.ipc.ArrowStreamReader(new ByteArrayInputStream(result.stream()), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(batch.getRowCount()).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(batch.getVector("t").getObject(i).toString()).isEqualTo("<tmp>");
                assertThat(batch.getVector("name").getObject(i).toString()).isEqualTo("person " + i);
                assertThat(batch.getVector("id").getObject(i)).isEqualTo((long) i);
            }
        }
        assertThat(new String(result.stream(), StandardCharsets.UTF_8)).doesNotContain(absolute());
        assertThatThrownBy(() -> db.executor.run(db.sandbox.vet("SELECT [current_setting('temp_directory')] AS l"), 3, arrow))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("ask for JSON");
    }

    @Test
    void errorsNameNoDirectory() {
        assertThatThrownBy(() -> db.query("SELECT * FROM read_parquet('" + db.engine.cacheDir() + "missing.parquet')", 1))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(absolute()));
    }

    @Test
    void underWorkdirMakesDirectoriesRelativeOnlyBelowTheWorkingDirectory() {
        Path workdir = Path.of("").toAbsolutePath();
        assertThat(EngineSettings.underWorkdir(workdir.resolve("data/queryd"))).isEqualTo(Path.of("data/queryd"));
        assertThat(EngineSettings.underWorkdir(Path.of("data/queryd"))).isEqualTo(Path.of("data/queryd"));
        assertThat(EngineSettings.underWorkdir(dir)).isEqualTo(dir);
    }

    private static String csv(String sql) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = db.engine.connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            CsvWriter.write(rs, 1000, out, db.redactor);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
