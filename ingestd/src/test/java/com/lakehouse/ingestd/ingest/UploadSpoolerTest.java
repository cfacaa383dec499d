package com.lakehouse.ingestd.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.ingestd.convert.ParquetConverter;
import com.lakehouse.ingestd.convert.ParquetStream;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.web.RequestBodyTooLargeException;

class UploadSpoolerTest {

    @TempDir
    Path dir;

    private final UploadSpooler spooler = new UploadSpooler(1000, 1 << 20);

    @Test
    void spoolsTheExactBytesWithTheirHashAndProfile() throws IOException {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",\"row ").append(i).append(", with a comma\nand a line\"\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        SpooledCsv spooled = spooler.spool(new ByteArrayInputStream(bytes), dir.resolve("a.csv"));
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
        assertThat(spooled.bytes()).isEqualTo(bytes.length);
        assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(SchemaFingerprint.sha256().digest(bytes)));
        assertThat(spooled.profile().rows()).isEqualTo(50_000);
    }

    @Test
    void aBadRecordIsRefusedAndTheRestOfTheUploadIsStillRead() {
        String good = "a,b\n" + "1,2\n".repeat(100_000);
        ByteArrayInputStream body = new ByteArrayInputStream((good + "3\n" + "4,5\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> spooler.spool(body, dir.resolve("b.csv")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("line 100002: expected 2 fields but found 1");
        assertThat(body.available()).isZero();
    }

    @Test
    void aStreamedConversionComesWithTheSpooledFile() throws IOException {
        String csv = "id,name\n" + "1,a\n".repeat(5_000);
        try (ParquetConverter converter = new ParquetConverter(dir.resolve("spill"), "128MB", 2)) {
            UploadSpooler streaming = new UploadSpooler(1000, 1 << 20, converter);
            ParquetStream stream = converter.stream(dir.resolve("s.parquet"));
            try (SpooledCsv spooled = streaming.spool(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    dir.resolve("s.csv"), stream)) {
                assertThat(spooled.streamed()).isSameAs(stream);
                assertThat(spooled.streamedParquet()).contains(dir.resolve("s.parquet"));
            }
        }
    }

    @Test
    void aRefusedFileEndsItsStreamedConversion() {
        String bad = "a,b\n" + "1,2\n".repeat(100_000) + "3\n";
        try (ParquetConverter converter = new ParquetConverter(dir.resolve("spill"), "128MB", 2)) {
            UploadSpooler streaming = new UploadSpooler(1000, 1 << 20, converter);
            ParquetStream stream = converter.stream(dir.resolve("b.parquet"));
            assertThatThrownBy(() -> streaming.spool(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                    dir.resolve("b.csv"), stream)).isInstanceOf(InvalidRequestException.class);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().equals("ingestd-parquet-stream"));
        }
    }

    @Test
    void passingTheBodyCapIsA413() {
        InputStream capped = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new RequestBodyTooLargeException(10);
            }
        };
        assertThatThrownBy(() -> spooler.spool(capped, dir.resolve("c.csv"))).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("max_ingest_bytes");
    }
}
