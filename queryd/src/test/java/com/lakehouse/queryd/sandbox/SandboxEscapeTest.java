package com.lakehouse.queryd.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.lakehouse.queryd.engine.LockedDownDuckDb;
import com.lakehouse.queryd.engine.RowsResult;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Hostile statements against the sandbox and a real DuckDB set up exactly as the service sets it up.
 * Each must be refused (403 or 400) and leave the file system as it was: canary files next to the
 * data directory would be readable by any DuckDB that was not locked down (checked by
 * {@link #canariesAreReadableWithoutTheLockdown()}), so their contents must never come back, and
 * no file may appear or change anywhere under the test's root.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxEscapeTest {

    private static final String CANARY = "CANARY-7f3e-do-not-leak";

    @TempDir
    static Path root;
    private LockedDownDuckDb db;
    private String canaryTxt;
    private String canaryCsv;
    private String canaryJson;
    private String outsideParquet;
    private String out;

    @BeforeAll
    void setUp() throws Exception {
        Files.writeString(root.resolve("canary.txt"), CANARY + "\n");
        Files.writeString(root.resolve("canary.csv"), "secret\n" + CANARY + "\n");
        Files.writeString(root.resolve("canary.json"), "{\"secret\":\"" + CANARY + "\"}\n");
        LockedDownDuckDb.writeParquet(root.resolve("outside.parquet"), "SELECT '" + CANARY + "' AS secret");
        canaryTxt = root.resolve("canary.txt").toAbsolutePath().toString();
        canaryCsv = root.resolve("canary.csv").toAbsolutePath().toString();
        canaryJson = root.resolve("canary.json").toAbsolutePath().toString();
        outsideParquet = root.resolve("outside.parquet").toAbsolutePath().toString();
        out = root.resolve("written").toAbsolutePath().toString();
        db = new LockedDownDuckDb(root.resolve("data"), Duration.ofSeconds(10));
    }

    @AfterAll
    void tearDown() throws SQLException {
        db.close();
    }

    Stream<Arguments> hostile() {
        String cache = db.cacheDir.toAbsolutePath().toString();
        List<String> sql = new ArrayList<>(List.of(
                // file reads outside the cache
                "SELECT * FROM read_text('" + canaryTxt + "')",
                "FROM read_text('" + canaryTxt + "')",
                "SELECT * FROM read_text('" + cache + "/../../canary.txt')",
                "SELECT * FROM read_text('file://" + canaryTxt + "')",
                "SELECT * FROM read_text(['" + cache + "/people.parquet', '" + canaryTxt + "'])",
                "SELECT * FROM read_blob('" + canaryTxt + "')",
                "SELECT * FROM read_csv('" + canaryCsv + "')",
                "SELECT * FROM read_csv_auto('" + canaryCsv + "')",
                "SELECT * FROM sniff_csv('" + canaryCsv + "')",
                "SELECT * FROM read_json('" + canaryJson + "')",
                "SELECT * FROM read_parquet('" + outsideParquet + "')",
                "SELECT * FROM parquet_scan('" + outsideParquet + "')",
                "SELECT * FROM parquet_metadata('" + outsideParquet + "')",
                "SELECT * FROM parquet_schema('" + outsideParquet + "')",
                "SELECT * FROM '" + canaryCsv + "'",
                "FROM '" + outsideParquet + "'",
                "SELECT * FROM glob('" + root.toAbsolutePath() + "/*')",
                "FROM glob('/*')",
                "SUMMARIZE SELECT * FROM read_text('" + canaryTxt + "')",
                "DESCRIBE SELECT * FROM read_csv('" + canaryCsv + "')",
                "EXPLAIN ANALYZE SELECT * FROM read_text('" + canaryTxt + "')",
                "SELECT * FROM query('SELECT * FROM read_text(''" + canaryTxt + "'')')",
                "SELECT * FROM read_text('" + canaryTxt + "'); --",
                // network
                "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
                "SELECT * FROM read_parquet('s3://lakehouse-primary/datasets/x.parquet')",
                "SELECT * FROM read_text('https://example.com/')",
                // writes and side effects
                "COPY (SELECT 1) TO '" + out + ".csv'",
                "COPY people TO '" + out + ".parquet' (FORMAT parquet)",
                "COPY people FROM '" + canaryCsv + "'",
                "EXPORT DATABASE '" + out + "-export'",
                "IMPORT DATABASE '" + root.toAbsolutePath() + "'",
                "ATTACH '" + out + ".db' AS evil",
                "DETACH memory",
                "INSTALL httpfs",
                "LOAD httpfs",
                "LOAD '" + outsideParquet + "'",
                "FORCE INSTALL httpfs",
                "UPDATE EXTENSIONS",
                // settings
                "SET enable_external_access = true",
                "SET GLOBAL enable_external_access = true",
                "RESET enable_external_access",
                "SET lock_configuration = false",
                "SET allowed_directories = ['/']",
                "PRAGMA enable_profiling",
                "PRAGMA threads=64",
                "CALL pragma_version()",
                "SELECT getenv('HOME')",
                "SELECT * FROM query('SET enable_external_access = true')",
                // DDL / DML
                "CREATE TABLE t AS SELECT 1",
                "CREATE OR REPLACE VIEW people AS SELECT * FROM read_text('" + canaryTxt + "')",
                "CREATE MACRO m(x) AS x",
                "CREATE SECRET s (TYPE s3, KEY_ID 'AKIA', SECRET 'shh')",
                "INSERT INTO people VALUES (1, 'x', 1.0)",
                "UPDATE people SET name = 'x'",
                "DELETE FROM people",
                "DROP VIEW people",
                "WITH x AS (SELECT 1) INSERT INTO people SELECT * FROM x",
                "EXPLAIN CREATE TABLE t AS SELECT 1",
                "EXPLAIN ANALYZE COPY (SELECT 1) TO '" + out + "-explain.csv'",
                "CHECKPOINT",
                "BEGIN TRANSACTION",
                "PREPARE p AS SELECT 1",
                "USE memory",
                "VACUUM",
                // several statements, comments and string tricks
                "SELECT 1; COPY (SELECT 1) TO '" + out + "-multi.csv'",
                "select 1; drop view people",
                "SELECT 1;\nDROP VIEW people; --",
                "SELECT 1 /* ; */ ; COPY (SELECT 1) TO '" + out + "-comment.csv'",
                "SELECT ';' AS s; COPY (SELECT 1) TO '" + out + "-string.csv'",
                "SELECT $$;$$; COPY (SELECT 1) TO '" + out + "-dollar.csv'",
                "SELECT $tag$ ; $tag$ ; DROP VIEW people",
                "SELECT 'a\\'; COPY (SELECT 1) TO '" + out + "-backslash.csv'; --'",
                "SELECT 1 -- ; harmless?\n; DROP VIEW people",
                "/* SELECT */ COPY (SELECT 1) TO '" + out + "-lead.csv'",
                "-- SELECT\nATTACH '" + out + "-lead.db'",
                "/* /* nested */ SELECT */ DROP VIEW people",
                "sElEcT 1;\u00A0CoPy (select 1) to '" + out + "-nbsp.csv'",
                "\u2003COPY (SELECT 1) TO '" + out + "-emsp.csv'",
                "\uFEFFDROP VIEW people",
                "SELECT\u00A01;\u3000DROP VIEW people",
                "(SELECT 1); DROP VIEW people",
                "SELECT 1;;COPY (SELECT 1) TO '" + out + "-semis.csv'",
                "copy (select 1) to '" + out + "-lower.csv'",
                "Drop View people"));
        return sql.stream().map(s -> Arguments.of(s.replace("\n", "\\n").length() > 90
                ? s.substring(0, 90).replace("\n", "\\n") : s.replace("\n", "\\n"), s));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void refusedWithoutTouchingTheFileSystem(String label, String sql) throws IOException {
        Map<String, Long> before = snapshot();
        Throwable refusal = catchThrowable(() -> db.query(sql, 100));
        assertThat(refusal).as("refused: %s", sql)
                .isInstanceOfAny(ForbiddenOperationException.class, InvalidRequestException.class);
        assertThat(refusal.getMessage()).doesNotContain(CANARY).doesNotContain(root.toAbsolutePath().toString());
        assertThat(snapshot()).as("file system untouched by %s", sql).isEqualTo(before);
        assertViewsIntact();
    }

    @Test
    void atLeastFortyHostileStatements() {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(40);
    }

    /** The control: without the lockdown, the same reads succeed, so a refusal above means something. */
    @Test
    void canariesAreReadableWithoutTheLockdown() throws SQLException {
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT content FROM read_text(" + DuckDbSql.literal(canaryTxt) + ")")) {
            rs.next();
            assertThat(rs.getString(1)).contains(CANARY);
        }
    }

    @Test
    void theDatasetViewsInTheCacheStayReadable() {
        RowsResult result = db.query("SELECT count(*), max(name) FROM people", 10);
        assertThat(result.rows()).containsExactly(List.of(100L, "person 99"));
    }

    @Test
    void readOnlyStatementsOfEveryAllowedKindRun() {
        assertThat(db.query("WITH x AS (SELECT 2 AS v) SELECT v FROM x", 10).rows()).containsExactly(List.of(2));
        assertThat(db.query("VALUES (1, 'a')", 10).rows()).containsExactly(List.of(1, "a"));
        assertThat(db.query("FROM people SELECT id ORDER BY id LIMIT 1", 10).rows()).containsExactly(List.of(0L));
        assertThat(db.query("DESCRIBE people", 10).rows()).hasSize(3);
        assertThat(db.query("SUMMARIZE people", 10).rows()).hasSize(3);
        assertThat(db.query("SHOW TABLES", 10).rows()).contains(List.of("people"));
        assertThat(db.query("EXPLAIN SELECT * FROM people", 10).rows()).isNotEmpty();
        assertThat(db.query("(SELECT 1)", 10).rows()).containsExactly(List.of(1));
        assertThat(db.query("SELECT 1; -- trailing comment", 10).rows()).containsExactly(List.of(1));
    }

    @Test
    void multipleStatementsAre400AndForbiddenStatementsAre403() {
        assertThatThrownBy(() -> db.query("SELECT 1; SELECT 2", 10)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("one statement");
        assertThatThrownBy(() -> db.query("COPY (SELECT 1) TO 'x.csv'", 10)).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> db.query("SELECT * FROM read_text('" + canaryTxt + "')", 10))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Permission Error");
    }

    @Test
    void theConfigurationStaysLocked() {
        assertThat(db.query("SELECT current_setting('enable_external_access'), current_setting('lock_configuration'),"
                + " current_setting('autoload_known_extensions'), current_setting('autoinstall_known_extensions')", 10).rows())
                .containsExactly(List.of(false, true, false, false));
    }

    private void assertViewsIntact() {
        RowsResult tables = db.query("SELECT table_name, table_type FROM information_schema.tables ORDER BY 1", 10);
        assertThat(tables.rows()).containsExactly(List.of("people", "VIEW"));
        assertThat(db.query("SELECT count(*) FROM people", 10).rows()).containsExactly(List.of(100L));
    }

    private Map<String, Long> snapshot() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (p.startsWith(db.dataDir.resolve("tmp"))) {
                    continue;
                }
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }
}
