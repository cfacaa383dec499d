package com.lakehouse.ingestd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaFingerprint;

/**
 * ingestd against a real storaged, catalogd and S3 server: every CSV edge case round-trips into
 * Parquet with the expected schema and values (read back from storaged with DuckDB), every bad
 * file gets its status without changing the catalog, and versions follow SPEC §5.
 */
class IngestdIT {

    @TempDir
    static Path work;
    private static IngestFleet fleet;

    @BeforeAll
    static void start() throws IOException {
        fleet = new IngestFleet(work);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                edge("quoted_commas", "id,text\n1,\"a, b\"\n2,\"c,d,,e\"\n",
                        List.of("id:BIGINT", "text:VARCHAR"), row(1L, "a, b"), row(2L, "c,d,,e")),
                edge("quoted_newlines", "id,text\n1,\"line one\nline two\"\n2,\"crlf\r\ninside\"\n",
                        List.of("id:BIGINT", "text:VARCHAR"), row(1L, "line one\nline two"), row(2L, "crlf\r\ninside")),
                edge("doubled_quotes", "id,text\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n3,x\"y\n",
                        List.of("id:BIGINT", "text:VARCHAR"), row(1L, "say \"hi\""), row(2L, "\""), row(3L, "x\"y")),
                edge("crlf_lines", "a,b\r\n1,x\r\n2,y\r\n",
                        List.of("a:BIGINT", "b:VARCHAR"), row(1L, "x"), row(2L, "y")),
                edge("bom", "\uFEFFid,name\n1,x\n",
                        List.of("id:BIGINT", "name:VARCHAR"), row(1L, "x")),
                edge("utf8_text", "naïve,日本,\"emoji, too\"\né ✓,語,😀\n  padded  ,\t, \n",
                        List.of("naïve:VARCHAR", "日本:VARCHAR", "emoji, too:VARCHAR"), row("é ✓", "語", "😀"), row("  padded  ", "\t", " ")),
                edge("empty_is_null", "a,b,c\n1,,x\n,2.5,\"\"\n",
                        List.of("a:BIGINT", "b:DOUBLE", "c:VARCHAR"), row(1L, null, "x"), row(null, 2.5, null)),
                edge("inference", "i,d,flag,day,at,word,zip,huge\n"
                        + "1,1.5,true,2024-02-29,2024-01-01T10:20:30,x,00123,9223372036854775807\n"
                        + "-2,2,FALSE,1999-12-31,2024-01-01 23:59:59.123456,y,90210,-9223372036854775808\n",
                        List.of("i:BIGINT", "d:DOUBLE", "flag:BOOLEAN", "day:DATE", "at:TIMESTAMP", "word:VARCHAR", "zip:VARCHAR", "huge:BIGINT"),
                        row(1L, 1.5, true, "2024-02-29", "2024-01-01 10:20:30", "x", "00123", Long.MAX_VALUE),
                        row(-2L, 2.0, false, "1999-12-31", "2024-01-01 23:59:59.123456", "y", "90210", Long.MIN_VALUE)),
                edge("ambiguous_stays_text", "t,n\n2024-01-01,1\n2024-01-01 10:00:00,\n",
                        List.of("t:VARCHAR", "n:BIGINT"), row("2024-01-01", 1L), row("2024-01-01 10:00:00", null)),
                // sample_rows is 5 here: row 6 holds values the sampled types cannot.
                edge("late_misfit", "n,m,d\n1,1,2024-01-01\n2,2,2024-01-02\n3,3,2024-01-03\n4,4,2024-01-04\n5,5,2024-01-05\n6.5,x,someday\n",
                        List.of("n:DOUBLE", "m:VARCHAR", "d:VARCHAR"),
                        row(1.0, "1", "2024-01-01"), row(2.0, "2", "2024-01-02"), row(3.0, "3", "2024-01-03"),
                        row(4.0, "4", "2024-01-04"), row(5.0, "5", "2024-01-05"), row(6.5, "x", "someday")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void everyEdgeCaseRoundTripsWithItsSchemaAndValues(String name, String csv, List<String> columns, List<List<Object>> rows)
            throws Exception {
        HttpResponse<String> response = fleet.ingest("?name=edge_" + name, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = IngestFleet.json(response);
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("row_count").asLong()).isEqualTo(rows.size());
        assertThat(body.get("existing").asBoolean()).isFalse();
        List<String> declared = body.get("schema").valueStream()
                .map(c -> c.get("name").asString() + ":" + c.get("type").asString()).toList();
        assertThat(declared).containsExactlyElementsOf(columns);

        IngestFleet.ParquetContent parquet = fleet.readParquet(body.get("key").asString());
        assertThat(parquet.columns()).containsExactlyElementsOf(columns);
        assertThat(parquet.rows()).containsExactlyElementsOf(rows);
        assertThat(body.get("bytes").asLong()).isEqualTo(fleet.storage.head(body.get("key").asString()).orElseThrow().size());
    }

    @Test
    void aFileLongerThanTheSampleIsConvertedWhileItUploads() throws Exception {
        String csv = "id,d,flag,day,at,text\n"
                + "1,1.5,true,2024-02-29,2024-01-01T10:20:30,\"a, b\"\n"
                + "2,-0.25,FALSE,1999-12-31,2024-01-01 23:59:59.123456,\"two\nlines \"\"q\"\"\"\n"
                + "3,,True,,,日本 ✓\n"
                + "4,1e3,,0001-01-01,2024-01-01 00:00:01.000001,\n"
                + "5,0.1,false,9999-12-31,2024-01-01T00:00:00,\"\"\n"
                + "6,7,TRUE,2000-02-29,1969-12-31 23:59:59, spaced \n"
                + "-9223372036854775808,2.5e-3,false,2024-01-01,2024-06-30 12:00:00,last\n";
        HttpResponse<String> response = fleet.ingest("?name=streamed_typed", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode body = ok(response, 201);

        IngestFleet.ParquetContent parquet = fleet.readParquet(body.get("key").asString());
        assertThat(parquet.columns()).containsExactly("id:BIGINT", "d:DOUBLE", "flag:BOOLEAN", "day:DATE", "at:TIMESTAMP", "text:VARCHAR");
        assertThat(parquet.rows()).containsExactly(
                row(1L, 1.5, true, "2024-02-29", "2024-01-01 10:20:30", "a, b"),
                row(2L, -0.25, false, "1999-12-31", "2024-01-01 23:59:59.123456", "two\nlines \"q\""),
                row(3L, null, true, null, null, "日本 ✓"),
                row(4L, 1000.0, null, "0001-01-01", "2024-01-01 00:00:01.000001", null),
                row(5L, 0.1, false, "9999-12-31", "2024-01-01 00:00:00", null),
                row(6L, 7.0, true, "2000-02-29", "1969-12-31 23:59:59", " spaced "),
                row(Long.MIN_VALUE, 0.0025, false, "2024-01-01", "2024-06-30 12:00:00", "last"));
        // The phase log names how the Parquet was made: "stream" when the upload's own conversion was used.
        assertThat(Files.readString(fleet.ingestd.logFile())).containsPattern("ingest of 'streamed_typed' .*stream \\d+ ms");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("empty file", "", 400, "empty"),
                bad("header only", "a,b\n", 400, "no data rows"),
                bad("duplicate header", "id,name,Id\n1,2,3\n", 400, "duplicate header name 'Id'"),
                bad("empty header name", "id,,x\n1,2,3\n", 400, "header column 2 has an empty name"),
                bad("wrong field count", "a,b\n1,2\n3\n", 400, "line 3: expected 2 fields but found 1"),
                bad("wrong count after multi-line", "a,b\n1,\"x\ny\"\n2,3,4\n", 400, "line 4:"),
                bad("bad quote", "a,b\n1,\"x\"y\n", 400, "line 2: unexpected text after the closing quote"),
                bad("unterminated quote", "a,b\n1,2\n3,\"open\n", 400, "line 3: a quoted field is never closed"),
                bad("nul byte", "a,b\n1,\u0000\n", 400, "line 2: NUL byte"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesAreRefusedAndChangeNothing(String what, byte[] csv, int status, String message) {
        String dataset = "bad_" + what.replaceAll("[^a-z]", "_");
        long before = catalogVersion();
        HttpResponse<String> response = fleet.ingest("?name=" + dataset, csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(IngestFleet.json(response).get("detail").asString()).contains(message);
        assertUnchanged(dataset, before);
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() {
        byte[] csv = {'a', ',', 'b', '\n', '1', ',', 'x', '\n', '2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        long before = catalogVersion();
        HttpResponse<String> response = fleet.ingest("?name=bad_utf8", csv);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(IngestFleet.json(response).get("detail").asString()).contains("line 3: invalid UTF-8");
        assertUnchanged("bad_utf8", before);
    }

    @Test
    void badRequestsAreRefusedBeforeTheBodyIsRead() {
        byte[] csv = "a\n1\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(fleet.ingest("", csv), 400, "missing query parameter 'name'");
        assertProblem(fleet.ingest("?name=Bad-Name", csv), 400, "invalid dataset name 'Bad-Name'");
        assertProblem(fleet.ingest("?name=" + "x".repeat(64), csv), 400, "invalid dataset name");
        assertProblem(fleet.ingest("?name=ok&mode=merge", csv), 400, "mode must be 'replace' or 'append'");
        assertProblem(fleet.post("?name=ok", csv, "text/csv"), 400, "expected a multipart/form-data body");
        assertProblem(fleet.post("?name=ok", IngestFleet.multipart("upload", csv),
                "multipart/form-data; boundary=" + IngestFleet.BOUNDARY), 400, "no 'file' part");
        assertThat(fleet.storedKeys("ok")).isEmpty();
    }

    @Test
    void bodiesOverTheCapAre413WhetherDeclaredOrChunked() {
        byte[] csv = ("a,b\n" + "1,2\n".repeat((int) (IngestFleet.MAX_INGEST_BYTES / 4) + 10)).getBytes(StandardCharsets.UTF_8);
        long before = catalogVersion();
        assertProblem(fleet.ingest("?name=too_big", csv), 413, "exceeds the limit");
        assertProblem(fleet.ingestChunked("?name=too_big", csv), 413, "larger than max_ingest_bytes");
        assertUnchanged("too_big", before);
        // Just under the cap is fine, chunked or not.
        byte[] fits = ("a,b\n" + "1,2\n".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        assertThat(fleet.ingestChunked("?name=fits_chunked", fits).statusCode()).isEqualTo(201);
    }

    @Test
    void versionsFollowTheContract() throws Exception {
        byte[] first = "id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8);
        JsonNode v1 = ok(fleet.ingest("?name=people", first), 201);
        assertThat(v1.get("version").asLong()).isEqualTo(1);
        assertThat(v1.get("dataset_id").asString()).matches("[0-9a-f-]{36}");
        assertThat(v1.get("key").asString()).isEqualTo("datasets/people/" + v1.get("fingerprint").asString() + "/"
                + sha256(first) + ".parquet");

        JsonNode again = ok(fleet.ingest("?name=people", first), 200);
        assertThat(again.get("existing").asBoolean()).isTrue();
        assertThat(again.get("version").asLong()).isEqualTo(1);
        assertThat(again.get("key").asString()).isEqualTo(v1.get("key").asString());
        assertThat(again.get("fingerprint").asString()).isEqualTo(v1.get("fingerprint").asString());

        byte[] second = "id,name\n3,c\n".getBytes(StandardCharsets.UTF_8);
        JsonNode v2 = ok(fleet.ingest("?name=people&mode=replace", second), 200);
        assertThat(v2.get("version").asLong()).isEqualTo(2);
        assertThat(v2.get("existing").asBoolean()).isFalse();
        assertThat(fleet.catalog.manifest("people").objects()).extracting(o -> o.key()).containsExactly(v2.get("key").asString());

        byte[] more = "id,name\n4,d\n5,e\n".getBytes(StandardCharsets.UTF_8);
        JsonNode v3 = ok(fleet.ingest("?name=people&mode=append", more), 200);
        assertThat(v3.get("version").asLong()).isEqualTo(3);
        DatasetManifest live = fleet.catalog.manifest("people");
        assertThat(live.rowCount()).isEqualTo(3);
        assertThat(live.objects()).extracting(o -> o.key()).containsExactly(v2.get("key").asString(), v3.get("key").asString());
        JsonNode appendAgain = ok(fleet.ingest("?name=people&mode=append", more), 200);
        assertThat(appendAgain.get("existing").asBoolean()).isTrue();
        assertThat(appendAgain.get("version").asLong()).isEqualTo(3);

        // A value that does not fit the dataset's type: 409, and the live version and its data stay.
        List<String> keysBefore = fleet.storedKeys("people");
        HttpResponse<String> conflict = fleet.ingest("?name=people", "id,name\n1.5,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(fleet.catalog.manifest("people")).isEqualTo(live);
        assertThat(fleet.storedKeys("people")).containsExactlyInAnyOrderElementsOf(keysBefore);
        assertThat(fleet.readParquet(v3.get("key").asString()).rows()).containsExactly(row(4L, "d"), row(5L, "e"));

        // The v1 file again: its object is still stored, so it comes back as a new version.
        JsonNode v4 = ok(fleet.ingest("?name=people", first), 200);
        assertThat(v4.get("version").asLong()).isEqualTo(4);
        assertThat(v4.get("key").asString()).isEqualTo(v1.get("key").asString());
    }

    @Test
    void appendsAndReplacesReadTheFileAgainstTheDatasetsSchema() throws Exception {
        JsonNode v1 = ok(fleet.ingest("?name=rates", "id,rate,hired\n1,2.5,2024-01-02\n".getBytes(StandardCharsets.UTF_8)), 201);
        // integers into the DOUBLE column, an all-empty column into the DATE column: fits, no 409
        JsonNode v2 = ok(fleet.ingest("?name=rates&mode=append", "id,rate,hired\n3,4,\n4,5,\n".getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(v2.get("version").asLong()).isEqualTo(2);
        assertThat(v2.get("fingerprint").asString()).isEqualTo(v1.get("fingerprint").asString());
        assertThat(fleet.readParquet(v2.get("key").asString()).rows()).containsExactly(row(3L, 4.0, null), row(4L, 5.0, null));
        JsonNode v3 = ok(fleet.ingest("?name=rates&mode=replace", "id,rate,hired\n7,8,2025-05-06\n".getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(v3.get("version").asLong()).isEqualTo(3);
        DatasetManifest live = fleet.catalog.manifest("rates");

        // a value that does not fit: 409 naming the column, the line and the value; nothing changes
        HttpResponse<String> misfit = fleet.ingest("?name=rates&mode=append",
                "id,rate,hired\n9,1,2025-01-01\n10,2,not a date\n".getBytes(StandardCharsets.UTF_8));
        assertProblem(misfit, 409, "not a date");
        JsonNode problem = IngestFleet.json(misfit);
        assertThat(problem.get("column").asString()).isEqualTo("hired");
        assertThat(problem.get("line").asLong()).isEqualTo(3);
        // another set of columns: 409 naming the column
        HttpResponse<String> other = fleet.ingest("?name=rates&mode=append", "id,pay,hired\n1,2,\n".getBytes(StandardCharsets.UTF_8));
        assertProblem(other, 409, "'pay'");
        assertThat(IngestFleet.json(other).get("column").asString()).isEqualTo("pay");
        assertThat(fleet.catalog.manifest("rates")).isEqualTo(live);
    }

    @Test
    void everyIngestIsJournaledWithItsActorAndADeadObserverdFailsNone() {
        JsonNode created = ok(fleet.ingest("?name=journaled", "x\n1\n".getBytes(StandardCharsets.UTF_8)), 201);
        String id = created.get("dataset_id").asString();
        fleet.await("journal event", () -> fleet.observerd.events().stream().anyMatch(e -> id.equals(e.get("entity_id").asString())));
        JsonNode event = fleet.observerd.events().stream().filter(e -> id.equals(e.get("entity_id").asString())).findFirst().orElseThrow();
        assertThat(event.get("entity_type").asString()).isEqualTo("dataset");
        assertThat(event.get("action").asString()).isEqualTo("ingest");
        assertThat(event.get("actor").asString()).isEqualTo("anonymous");
        assertThat(event.get("source").asString()).isEqualTo("ingestd");
        assertThat(event.get("new_value").asString()).contains("\"version\":1");

        // observerd gone: the ingest still succeeds (the journal client retries in the background).
        fleet.observerd.close();
        JsonNode next = ok(fleet.ingest("?name=journaled", "x\n1\n2\n".getBytes(StandardCharsets.UTF_8)), 200);
        assertThat(next.get("version").asLong()).isEqualTo(2);
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return IngestFleet.json(response);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(IngestFleet.json(response).get("detail").asString()).contains(message);
    }

    private static long catalogVersion() {
        return fleet.catalog.list().catalogVersion();
    }

    private static void assertUnchanged(String dataset, long catalogVersionBefore) {
        assertThat(fleet.catalog.list().datasets()).noneMatch(m -> m.name().equals(dataset));
        assertThat(catalogVersion()).isEqualTo(catalogVersionBefore);
        assertThat(fleet.storedKeys(dataset)).isEmpty();
    }

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(SchemaFingerprint.sha256().digest(bytes));
    }

    private static Arguments edge(String name, String csv, List<String> columns, Object... rows) {
        return Arguments.of(name, csv, columns, Arrays.stream(rows).map(r -> (List<?>) r).toList());
    }

    private static Arguments bad(String what, String csv, int status, String message) {
        return Arguments.of(what, csv.getBytes(StandardCharsets.UTF_8), status, message);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
