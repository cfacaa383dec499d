package com.lakehouse.ingestd.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.InvalidRequestException;

class MultipartFormReaderTest {

    private static final String BOUNDARY = "----lakehouse-Boundary-7MA4YWxkTrZu0gW";

    @Test
    void readsEveryPartWithItsNameAndBytes() throws IOException {
        byte[] csv = "a,b\r\n1,\"x\r\n--not-the-boundary\"\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = body(part("name", null, "ignored".getBytes(StandardCharsets.UTF_8)), part("file", "data.csv", csv));
        List<String> seen = new ArrayList<>();
        MultipartFormReader reader = new MultipartFormReader(new ByteArrayInputStream(body), BOUNDARY);
        MultipartFormReader.Part part;
        while ((part = reader.next()) != null) {
            seen.add(part.name() + "=" + new String(part.content().readAllBytes(), StandardCharsets.UTF_8));
            if (part.name().equals("file")) {
                assertThat(part.filename()).isEqualTo("data.csv");
                assertThat(part.contentType()).isEqualTo("text/csv");
            }
        }
        assertThat(seen).containsExactly("name=ignored", "file=" + new String(csv, StandardCharsets.UTF_8));
    }

    @Test
    void anyChunkingOfTheBodyGivesTheSameBytes() throws IOException {
        Random random = new Random(3);
        byte[] payload = new byte[300_000];
        random.nextBytes(payload);
        // Plant near-misses of the delimiter in the payload.
        byte[] nearMiss = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X").getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 1000; at < payload.length - nearMiss.length; at += 70_001) {
            System.arraycopy(nearMiss, 0, payload, at, nearMiss.length);
        }
        byte[] body = body(part("file", "f.bin", payload), part("other", null, new byte[0]));
        for (int max : new int[] {1, 7, 100, 8192, 1 << 20}) {
            MultipartFormReader reader = new MultipartFormReader(new TrickleStream(new ByteArrayInputStream(body), max, random), BOUNDARY);
            MultipartFormReader.Part file = reader.next();
            assertThat(file.name()).isEqualTo("file");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 + random.nextInt(5000)];
            int n;
            while ((n = file.content().read(chunk, 0, chunk.length)) >= 0) {
                out.write(chunk, 0, n);
            }
            assertThat(out.toByteArray()).isEqualTo(payload);
            MultipartFormReader.Part other = reader.next();
            assertThat(other.name()).isEqualTo("other");
            assertThat(other.content().readAllBytes()).isEmpty();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void skipsAPreambleAndUnreadParts() throws IOException {
        byte[] tail = body(part("skipped", null, "x".repeat(100_000).getBytes(StandardCharsets.UTF_8)), part("file", "a.csv", "ok".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream withPreamble = new ByteArrayOutputStream();
        withPreamble.writeBytes("This is a preamble.\r\n".getBytes(StandardCharsets.UTF_8));
        withPreamble.writeBytes(tail);
        MultipartFormReader reader = new MultipartFormReader(new ByteArrayInputStream(withPreamble.toByteArray()), BOUNDARY);
        assertThat(reader.next().name()).isEqualTo("skipped");
        MultipartFormReader.Part file = reader.next();
        assertThat(new String(file.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsMalformed() throws IOException {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc").getBytes(StandardCharsets.UTF_8);
        MultipartFormReader reader = new MultipartFormReader(new ByteArrayInputStream(body), BOUNDARY);
        InputStream content = reader.next().content();
        assertThatThrownBy(content::readAllBytes).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("ends before the closing boundary");
    }

    @Test
    void aBodyWithoutAnyBoundaryIsMalformed() {
        MultipartFormReader reader = new MultipartFormReader(new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), BOUNDARY);
        assertThatThrownBy(reader::next).isInstanceOf(InvalidRequestException.class).hasMessageContaining("no multipart boundary");
    }

    @Test
    void findsTheBoundaryInTheContentType() {
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data; boundary=abc")).contains("abc");
        assertThat(MultipartFormReader.boundaryOf("Multipart/Form-Data;boundary=\"a b\"; charset=utf-8")).contains("a b");
        assertThat(MultipartFormReader.boundaryOf("text/csv")).isEmpty();
        assertThat(MultipartFormReader.boundaryOf("multipart/form-data")).isEmpty();
        assertThat(MultipartFormReader.boundaryOf(null)).isEmpty();
    }

    @Test
    void parsesQuotedDispositionParameters() {
        MultipartFormReader.ContentDisposition disposition = MultipartFormReader.ContentDisposition
                .parse("form-data; name=\"file\"; filename=\"a;b \\\"c\\\".csv\"");
        assertThat(disposition.name()).isEqualTo("file");
        assertThat(disposition.filename()).isEqualTo("a;b \"c\".csv");
    }

    private static byte[] part(String name, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\"" + (filename == null ? "" : "; filename=\"" + filename + "\"");
        out.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\n"
                + (filename == null ? "" : "Content-Type: text/csv\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] body(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Returns at most a random number of bytes per read, as a network does. */
    private static final class TrickleStream extends FilterInputStream {
        private final int max;
        private final Random random;

        TrickleStream(InputStream in, int max, Random random) {
            super(in);
            this.max = max;
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(max)));
        }
    }
}
