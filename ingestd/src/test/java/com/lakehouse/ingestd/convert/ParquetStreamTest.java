package com.lakehouse.ingestd.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.ingestd.csv.ColumnType;
import com.lakehouse.ingestd.csv.CsvProfile;
import com.lakehouse.ingestd.csv.CsvScanner;

/**
 * Real DuckDB: what the scan streams to DuckDB as Arrow batches during the upload is, value for
 * value, type for type and row for row, what DuckDB's own conversion of the spooled file makes.
 */
class ParquetStreamTest {

    @TempDir
    static Path dir;
    private static ParquetConverter converter;

    @BeforeAll
    static void open() {
        converter = new ParquetConverter(dir.resolve("spill"), "256MB", 2);
    }

    @AfterAll
    static void close() {
        converter.close();
    }

    @Test
    void everyTypeAndEdgeComesOutAsTheCsvConversionMakesIt() throws Exception {
        String csv = "\uFEFFid,big,d,ok,day,at,\"na,me\",note\r\n"
                + "1,9223372036854775807,1.5,true,2024-02-29,2024-01-01T10:20:30.123456,\"a, b\",\"two\r\nlines \"\"quoted\"\"\"\r\n"
                + "2,-9223372036854775808,-0.0,FALSE,0001-01-01,1969-12-31 23:59:59.5,日本語 ✓, spaced \r\n"
                + "3,,0.000123,True,,0001-01-01 00:00:00,\"\",\r\n"
                + "4,0,123456789.012345,,9999-12-31,,,\"\"\"\"\r\n"
                + "5,42,2.5e-3,false,1969-12-31,2024-01-01T00:00:00.1,x,\"line\nbreak\"\r\n"
                + "6,-7,5,TRUE,2000-02-29,9999-12-31T23:59:59.999999,\" \",last\r\n";
        Streamed streamed = stream("edges", csv, 2);
        assertSameAsCsvConversion(stream("edges_whole", csv, 2, csv.length() * 3));

        assertThat(streamed.profile().columns()).extracting(CsvProfile.Column::type).containsExactly(ColumnType.BIGINT,
                ColumnType.BIGINT, ColumnType.DOUBLE, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP,
                ColumnType.VARCHAR, ColumnType.VARCHAR);
        assertSameAsCsvConversion(streamed);
    }

    @Test
    void manyBatchesKeepEveryRowInFileOrder() throws Exception {
        StringBuilder csv = new StringBuilder("id,score,note\n");
        int rows = 3 * ParquetStream.BATCH_ROWS + 777;
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',').append(i % 7 == 0 ? "" : Double.toString(i / 8.0)).append(',')
                    .append(i % 5 == 0 ? "\"row " + i + ", with \"\"quotes\"\"\nand a break\"" : "row " + i).append('\n');
        }
        Streamed streamed = stream("batches", csv.toString(), 100, 1 << 16);

        assertThat(streamed.result()).isPresent();
        assertThat(ParquetConverterTest.read(streamed.result().get(), "SELECT count(*), min(id), max(id) FROM t"))
                .containsExactly(List.of(Long.valueOf(rows), 1L, Long.valueOf(rows)));
        assertSameAsCsvConversion(streamed);
    }

    @Test
    void aLaterValueThatWidensAColumnAbandonsTheStream() throws Exception {
        Streamed streamed = stream("widened", "id,code\n1,10\n2,20\n3,abc\n4,40\n", 2);

        assertThat(streamed.profile().columns().get(1).type()).isEqualTo(ColumnType.VARCHAR);
        assertThat(streamed.result()).isEmpty();
    }

    @Test
    void aValueTooLongToHandOverSetsTheStreamAside() throws Exception {
        String csv = "id,text\n1,a\n2,b\n3,\"" + "x".repeat(CsvScanner.MAX_SINK_VALUE_BYTES + 1) + "\"\n4,d\n";
        Streamed streamed = stream("long_value", csv, 2, 1 << 16);

        assertThat(streamed.profile().rows()).isEqualTo(4);
        assertThat(streamed.result()).isEmpty();
    }

    @Test
    void atMostTwoUploadsAreConvertedAsTheyArrive() {
        ParquetStream first = converter.stream(dir.resolve("first.parquet"));
        ParquetStream second = converter.stream(dir.resolve("second.parquet"));
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(converter.stream(dir.resolve("third.parquet"))).isNull();

        first.close();
        ParquetStream third = converter.stream(dir.resolve("third.parquet"));
        assertThat(third).isNotNull();
        second.close();
        third.close();
    }

    @Test
    void aFileShorterThanTheSampleIsNotStreamed() throws Exception {
        Streamed streamed = stream("short", "id,name\n1,a\n2,b\n", 1000);

        assertThat(streamed.result()).isEmpty();
    }

    @Test
    void closingMidStreamStopsDuckDbAndReturnsEveryArrowBuffer() throws Exception {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= 2 * ParquetStream.BATCH_ROWS; i++) {
            csv.append(i).append(",name ").append(i).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ParquetStream stream = converter.stream(dir.resolve("broken.parquet"));
        CsvScanner scanner = new CsvScanner(10, stream);
        scanner.feed(bytes, 0, bytes.length / 2 + 3);

        stream.close();

        assertThat(copyThreads()).isZero();
        assertThat(stream.result(new CsvProfile(List.of(), 0, 0))).isEmpty();
    }

    private static long copyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("ingestd-parquet-stream")).count();
    }

    private static void assertSameAsCsvConversion(Streamed streamed) throws Exception {
        assertThat(streamed.result()).isPresent();
        Path ordinary = dir.resolve(streamed.csv().getFileName() + ".converted.parquet");
        assertThat(converter.convert(streamed.csv(), streamed.profile(), ordinary)).isEqualTo(streamed.profile());
        String describe = "SELECT column_name, column_type FROM (DESCRIBE t)";
        assertThat(ParquetConverterTest.read(streamed.result().get(), describe))
                .isEqualTo(ParquetConverterTest.read(ordinary, describe));
        assertThat(ParquetConverterTest.read(streamed.result().get(), "SELECT * FROM t"))
                .isEqualTo(ParquetConverterTest.read(ordinary, "SELECT * FROM t"));
    }

    private static Streamed stream(String name, String content, int sampleRows) throws Exception {
        return stream(name, content, sampleRows, 7);
    }

    /**
     * Scans the file in chunks with a stream attached, as the spooler does: small chunks make
     * values straddle them (copied together), large ones pass most values straight through.
     */
    private static Streamed stream(String name, String content, int sampleRows, int chunk) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, content.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(csv);
        try (ParquetStream stream = converter.stream(dir.resolve(name + ".streamed.parquet"))) {
            CsvScanner scanner = new CsvScanner(sampleRows, stream);
            for (int i = 0; i < bytes.length; i += chunk) {
                scanner.feed(bytes, i, Math.min(chunk, bytes.length - i));
            }
            CsvProfile profile = scanner.finish();
            stream.complete();
            return new Streamed(csv, profile, stream.result(profile));
        }
    }

    private record Streamed(Path csv, CsvProfile profile, Optional<Path> result) {
    }
}
