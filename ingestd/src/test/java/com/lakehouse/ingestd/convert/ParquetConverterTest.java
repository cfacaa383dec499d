package com.lakehouse.ingestd.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.ingestd.csv.CsvScanner;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.error.UnprocessableException;

/** Real DuckDB on local files: what the scanner accepts, DuckDB converts without changing a value. */
class ParquetConverterTest {

    @TempDir
    static Path dir;
    private static ParquetConverter converter;

    @BeforeAll
    static void open() {
        converter = new ParquetConverter(dir.resolve("spill"), "128MB", 2);
    }

    @AfterAll
    static void close() {
        converter.close();
    }

    @Test
    void rowGroupsHoldAboutSixteenMebibytesOfCsvInWholeVectors() {
        // the benchmark's shape: 683-byte records
        assertThat(ParquetConverter.rowGroupRows(341_525_353, 500_000)).isEqualTo(22_528);
        // narrow rows keep DuckDB's default; very wide ones still get one vector per group
        assertThat(ParquetConverter.rowGroupRows(40_000_000, 1_000_000)).isEqualTo(122_880);
        assertThat(ParquetConverter.rowGroupRows(1L << 30, 1_000)).isEqualTo(2_048);
        assertThat(ParquetConverter.rowGroupRows(100, 0)).isEqualTo(122_880);
    }

    @Test
    void textSurvivesByteForByteAndTypesComeBackAsValues() throws Exception {
        String csv = "\uFEFFid,\"na,me\",score,ok,day,at,note\r\n"
                + "1,\"a, b\",1.5,true,2024-02-29,2024-01-01T10:20:30.123456,\"two\r\nlines \"\"quoted\"\"\"\r\n"
                + "2,,-0.25,FALSE,,2024-01-01 00:00:00, spaced \r\n"
                + "3,日本語 ✓,,,0001-01-01,,\"\"\r\n";
        CsvProfile profile = convert(csv, "edge");
        assertThat(profile.columns()).extracting(CsvProfile.Column::type).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR,
                ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.VARCHAR);
        List<List<Object>> rows = read(dir.resolve("edge.parquet"),
                "SELECT id, \"na,me\", score, ok, CAST(\"day\" AS VARCHAR), CAST(\"at\" AS VARCHAR), note FROM t ORDER BY id");
        assertThat(rows).containsExactly(
                List.of(1L, "a, b", 1.5, true, "2024-02-29", "2024-01-01 10:20:30.123456", "two\r\nlines \"quoted\""),
                listOf(2L, null, -0.25, false, null, "2024-01-01 00:00:00", " spaced "),
                listOf(3L, "日本語 ✓", null, null, "0001-01-01", null, null));
    }

    @Test
    void aValueDuckDbRefusesWidensItsColumnToVarchar() throws Exception {
        Path csv = write("forced", "n,s\n1,x\n2,y\n");
        CsvProfile scanned = scan(csv);
        // Pretend the scan had typed the text column: DuckDB's refusal must not lose the values.
        CsvProfile forced = scanned.withType(1, ColumnType.BIGINT);
        CsvProfile converted = converter.convert(csv, forced, dir.resolve("forced.parquet"));
        assertThat(converted.columns().get(1).type()).isEqualTo(ColumnType.VARCHAR);
        assertThat(read(dir.resolve("forced.parquet"), "SELECT s FROM t ORDER BY n")).containsExactly(List.of("x"), List.of("y"));
    }

    @Test
    void otherDuckDbFailuresAre422sWithoutHostPaths() throws Exception {
        Path csv = write("short", "a,b\n1,2\n");
        CsvProfile profile = scan(csv);
        Files.writeString(csv, "a,b\n1,2,3\n");
        assertThatThrownBy(() -> converter.convert(csv, profile, dir.resolve("short.parquet")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageNotContaining(dir.toString())
                .hasMessageContaining("DuckDB cannot read the file");
    }

    @Test
    void aRecordLongerThanDuckDbsDefaultLineBufferConverts() throws Exception {
        String big = "line,with \"\"quotes\"\"\n".repeat(200_000); // ~4 MB in one field
        CsvProfile profile = convert("id,text\n1,\"" + big + "\"\n2,short\n", "long");
        assertThat(profile.maxRecordBytes()).isGreaterThan(4_000_000);
        List<List<Object>> rows = read(dir.resolve("long.parquet"), "SELECT length(text), text = '" + big.replace("\"\"", "\"").replace("'", "''") + "' FROM t ORDER BY id");
        assertThat(rows.get(0)).containsExactly((long) big.replace("\"\"", "\"").length(), true);
    }

    private static CsvProfile convert(String content, String name) throws Exception {
        Path csv = write(name, content);
        return converter.convert(csv, scan(csv), dir.resolve(name + ".parquet"));
    }

    private static Path write(String name, String content) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, content.getBytes(StandardCharsets.UTF_8));
        return csv;
    }

    private static CsvProfile scan(Path csv) throws Exception {
        byte[] bytes = Files.readAllBytes(csv);
        CsvScanner scanner = new CsvScanner(1000);
        scanner.feed(bytes, 0, bytes.length);
        return scanner.finish();
    }

    static List<List<Object>> read(Path parquet, String sql) throws Exception {
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW t AS SELECT * FROM read_parquet('" + parquet.toAbsolutePath() + "')");
            try (ResultSet rs = s.executeQuery(sql)) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static List<Object> listOf(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
