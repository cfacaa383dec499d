package com.lakehouse.queryd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/** The executor against a real locked-down DuckDB: value mapping, limits, Arrow, errors, cancellation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryExecutorTest {

    @TempDir
    static Path root;
    private LockedDownDuckDb db;
    private BufferAllocator allocator;

    @BeforeAll
    void setUp() throws Exception {
        db = new LockedDownDuckDb(root.resolve("data"), Duration.ofSeconds(2));
        allocator = new RootAllocator();
    }

    @AfterAll
    void tearDown() throws Exception {
        allocator.close();
        db.close();
    }

    @Test
    void valuesAreJsonNative() {
        RowsResult result = db.query("""
                SELECT 42::INTEGER i, 9007199254740991::BIGINT safe, 9007199254740993::BIGINT big,
                  -9007199254740993::BIGINT neg, 170141183460469231731687303715884105727::HUGEINT huge,
                  12345.678::DECIMAL(18,3) dec, 0.1::DOUBLE dbl, 'nan'::DOUBLE nan, 'inf'::DOUBLE inf, '-inf'::FLOAT ninf,
                  DATE '2024-02-29' d, TIMESTAMP '2024-01-02 03:04:00' ts, TIMESTAMP '2024-01-02 03:04:05.25' tsf,
                  TIMESTAMPTZ '2024-01-02 03:04:05+02' tz, TIME '12:34:56' t, NULL::VARCHAR n, true b, 'x' s,
                  [1, NULL, 3] l, {'a': 1, 'b': 'y'} st, '\\x41\\x42'::BLOB bl""", 10);
        assertThat(result.columns()).extracting(ColumnInfo::type).startsWith("INTEGER", "BIGINT", "BIGINT", "BIGINT",
                "HUGEINT", "DECIMAL(18,3)", "DOUBLE");
        List<Object> row = result.rows().getFirst();
        assertThat(row.subList(0, 5)).containsExactly(42, 9007199254740991L, "9007199254740993", "-9007199254740993",
                "170141183460469231731687303715884105727");
        assertThat(row.get(5)).isEqualTo(new BigDecimal("12345.678"));
        assertThat(row.subList(6, 10)).containsExactly(0.1, "NaN", "Infinity", "-Infinity");
        assertThat(row.subList(10, 15)).containsExactly("2024-02-29", "2024-01-02T03:04:00", "2024-01-02T03:04:05.25",
                "2024-01-02T01:04:05Z", "12:34:56");
        assertThat(row.subList(15, 18)).containsExactly(null, true, "x");
        assertThat(row.get(18)).isEqualTo(java.util.Arrays.asList(1, null, 3));
        assertThat(row.get(19)).isEqualTo(Map.of("a", 1, "b", "y"));
        assertThat(row.get(20)).isEqualTo("QUI=");
    }

    @Test
    void maxRowsTruncates() {
        RowsResult exact = db.query("SELECT * FROM range(5)", 5);
        assertThat(exact.rows()).hasSize(5);
        assertThat(exact.truncated()).isFalse();
        RowsResult cut = db.query("SELECT * FROM range(1000000) ORDER BY range DESC", 3);
        assertThat(cut.rows()).containsExactly(List.of(999999L), List.of(999998L), List.of(999997L));
        assertThat(cut.truncated()).isTrue();
        assertThat(db.query("SELECT 1", 0).truncated()).isTrue();
    }

    @Test
    void arrowStreamDecodesToTheSameValues() throws Exception {
        var vetted = db.sandbox.vet("SELECT id, name, score FROM people ORDER BY id");
        ArrowResult result = db.executor.run(vetted, 7, new com.lakehouse.queryd.engine.ArrowStreamReader(allocator, db.redactor, Long.MAX_VALUE)).value();
        assertThat(result.rowCount()).isEqualTo(7);
        assertThat(result.truncated()).isTrue();
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(result.stream()), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            int rows = 0;
            while (reader.loadNextBatch()) {
                for (int i = 0; i < batch.getRowCount(); i++, rows++) {
                    assertThat(batch.getVector("id").getObject(i)).isEqualTo((long) rows);
                    assertThat(batch.getVector("name").getObject(i).toString()).isEqualTo("person " + rows);
                    assertThat(((Number) batch.getVector("score").getObject(i)).doubleValue()).isEqualTo(rows * 1.5);
                }
            }
            assertThat(rows).isEqualTo(7);
        }
    }

    @Test
    void errorsCarryDuckDbsMessageAboutTheCallersText() {
        assertThatThrownBy(() -> db.query("SELECT nope FROM people", 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Binder Error").hasMessageContaining("LINE 1: SELECT nope FROM people")
                .hasMessageNotContaining("LIMIT");
        assertThatThrownBy(() -> db.query("SELECT 'x'::INTEGER", 10)).hasMessageContaining("Conversion Error");
    }

    @Test
    void aSlowStatementIsCancelledAtTheTimeoutAndTheNextRunsAtOnce() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> db.query("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7", 10))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("2s");
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertThat(waited).isBetween(1_900L, 6_000L);
        long next = System.nanoTime();
        assertThat(db.query("SELECT 1", 10).rows()).containsExactly(List.of(1));
        assertThat((System.nanoTime() - next) / 1_000_000).isLessThan(1_000);
    }
}
