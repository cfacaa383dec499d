package com.lakehouse.queryd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * queryd as the launcher runs it, over a real storaged, catalogd and S3 server. The background
 * refresh is set to an hour, so every read-your-writes check below proves the per-request catalog
 * check, not a lucky poll. The cache cap is one byte, so every file no view uses is evicted at once.
 */
class QuerydIT {

    private static final String TOKEN = "queryd-it-token" + "0123456789abcdef".repeat(3);
    private static final MediaTypeArrow ARROW = new MediaTypeArrow();

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static ServiceProcess queryd;
    private static StorageClient storage;
    private static CatalogClient catalog;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestDatasets datasets;

    @BeforeAll
    static void startFleet() throws Exception {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).env("AUTH_TOKEN", TOKEN).properties(s3.storagedProperties()).start();
        catalogd = ServiceProcess.builder("catalogd", work.resolve("catalogd"))
                .env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", "http://127.0.0.1:9")
                .start();
        queryd = ServiceProcess.builder("queryd", work.resolve("queryd"))
                .env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.queryd.storaged_url", storaged.baseUrl())
                .property("lakehouse.queryd.catalogd_url", catalogd.baseUrl())
                .property("lakehouse.queryd.statement_timeout", "3s")
                .property("lakehouse.queryd.max_rows_cap", "1000")
                .property("lakehouse.queryd.refresh_every", "1h")
                .property("lakehouse.queryd.cache_bytes", "1")
                .heap("128m") // below the size of the 1,000,000-row CSV export: it must stream
                .start();
        storage = StorageClient.create(storaged.baseUrl(), Optional.of(TOKEN), "ingestd"); // puts datasets/ as ingestd does
        catalog = CatalogClient.create(catalogd.baseUrl(), Optional.of(TOKEN));
        datasets = new TestDatasets(work, storage, catalog);
        register("types", """
                SELECT * FROM (VALUES
                  (1::BIGINT, 9007199254740993::BIGINT, 12.345::DECIMAL(18,3), DATE '2024-02-29',
                   TIMESTAMP '2024-01-02 03:04:05', 'alpha', true, 1.5::DOUBLE),
                  (2, -9007199254740993, 0.001, DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59.5', 'beta', false, 'nan'::DOUBLE),
                  (3, 7, NULL, NULL, NULL, NULL, NULL, NULL),
                  (4, 8, 1.000, DATE '2000-01-01', TIMESTAMP '2000-01-01 00:00:00', 'δ unicode', true, -0.25),
                  (5, 9, 99.990, DATE '2026-11-22', TIMESTAMP '2026-11-22 12:00:00', 'epsilon', false, 1e300))
                  t(id, big, price, day, ts, name, flag, score)""");
    }

    @AfterAll
    static void stopFleet() {
        Closeables.closeAll(queryd, catalogd, storaged, s3);
    }

    @Test
    void typesTableComesBackJsonNative() throws Exception {
        HttpResponse<String> raw = sql("SELECT * FROM types ORDER BY id", null);
        assertThat(raw.statusCode()).isEqualTo(200);
        JsonNode body = LakehouseJson.mapper().readTree(raw.body());
        assertThat(body.path("columns").toString()).isEqualTo(LakehouseJson.mapper().readTree("""
                [{"name":"id","type":"BIGINT"},{"name":"big","type":"BIGINT"},{"name":"price","type":"DECIMAL(18,3)"},
                 {"name":"day","type":"DATE"},{"name":"ts","type":"TIMESTAMP"},{"name":"name","type":"VARCHAR"},
                 {"name":"flag","type":"BOOLEAN"},{"name":"score","type":"DOUBLE"}]""").toString());
        // compared as the raw text: DECIMAL keeps its exact digits (1.000, 99.990) on the wire
        assertThat(raw.body()).contains("\"rows\":["
                + "[1,\"9007199254740993\",12.345,\"2024-02-29\",\"2024-01-02T03:04:05\",\"alpha\",true,1.5],"
                + "[2,\"-9007199254740993\",0.001,\"1999-12-31\",\"1999-12-31T23:59:59.5\",\"beta\",false,\"NaN\"],"
                + "[3,7,null,null,null,null,null,null],"
                + "[4,8,1.000,\"2000-01-01\",\"2000-01-01T00:00:00\",\"δ unicode\",true,-0.25],"
                + "[5,9,99.990,\"2026-11-22\",\"2026-11-22T12:00:00\",\"epsilon\",false,1.0E300]]");
        assertThat(body.path("row_count").asLong()).isEqualTo(5);
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.has("elapsed_ms")).isTrue();
    }

    @Test
    void maxRowsTruncatesAndIsCapped() throws Exception {
        JsonNode two = sqlOk("SELECT id FROM types ORDER BY id", 2);
        assertThat(two.path("rows").toString()).isEqualTo("[[1],[2]]");
        assertThat(two.path("truncated").asBoolean()).isTrue();
        assertThat(two.path("row_count").asLong()).isEqualTo(2);
        JsonNode capped = sqlOk("SELECT * FROM range(5000)", 100_000);
        assertThat(capped.path("row_count").asLong()).isEqualTo(1000);
        assertThat(capped.path("truncated").asBoolean()).isTrue();
        assertThat(sqlOk("SELECT * FROM range(5000)", null).path("row_count").asLong()).isEqualTo(1000);
        assertThat(sql("SELECT 1", -1).statusCode()).isEqualTo(400);
    }

    @Test
    void arrowStreamDecodesToTheSameValues() throws Exception {
        HttpResponse<byte[]> response = http.send(request("/sql")
                .header("Accept", ARROW.value).POST(json("SELECT id, big, price, day, ts, name, flag FROM types ORDER BY id", 4)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ARROW.value);
        assertThat(response.headers().firstValue("X-Truncated")).hasValue("true");
        List<List<Object>> rows = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(response.body()), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            while (reader.loadNextBatch()) {
                for (int i = 0; i < batch.getRowCount(); i++) {
                    List<Object> row = new ArrayList<>();
                    for (var vector : batch.getFieldVectors()) {
                        Object value = vector.getObject(i);
                        row.add(value == null ? null : value instanceof org.apache.arrow.vector.util.Text t ? t.toString() : value);
                    }
                    rows.add(row);
                }
            }
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsExactly(1L, 9007199254740993L, new BigDecimal("12.345"),
                (int) LocalDate.parse("2024-02-29").toEpochDay(), LocalDateTime.parse("2024-01-02T03:04:05"), "alpha", true);
        assertThat(rows.get(1).get(1)).isEqualTo(-9007199254740993L);
        assertThat(rows.get(2)).containsExactly(3L, 7L, null, null, null, null, null);
        assertThat(rows.get(3).get(5)).isEqualTo("δ unicode");
    }

    @Test
    void readYourWritesAcrossRegisterNewVersionAndDelete() throws Exception {
        String name = "ryw_dataset";
        register(name, "SELECT range AS n FROM range(3)");
        assertThat(sqlOk("SELECT count(*) FROM " + name, null).path("rows").toString()).isEqualTo("[[3]]");
        List<Path> firstFiles = cachedFiles();

        register(name, "SELECT range AS n FROM range(7)");
        assertThat(sqlOk("SELECT count(*), max(n) FROM " + name, null).path("rows").toString()).isEqualTo("[[7,6]]");
        assertThat(tableNames()).contains(name);
        // cache_bytes is 1: the replaced version's file is evicted as soon as no view uses it
        assertThat(cachedFiles()).hasSize(firstFiles.size());

        catalog.delete(name);
        HttpResponse<String> gone = sql("SELECT count(*) FROM " + name, null);
        assertThat(gone.statusCode()).isEqualTo(400);
        assertThat(gone.body()).contains("does not exist");
        assertThat(tableNames()).doesNotContain(name).contains("types");
    }

    @Test
    void aSlowStatementIsCancelledWith504AndTheNextAnswersAtOnce() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> slow = sql("SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7", null);
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(slow.statusCode()).isEqualTo(504);
        assertThat(slow.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(took).isBetween(2_900L, 10_000L);
        long next = System.nanoTime();
        assertThat(sqlOk("SELECT 1", null).path("rows").toString()).isEqualTo("[[1]]");
        assertThat((System.nanoTime() - next) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void twentyConcurrentQueriesRunBesideALongOne() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(21)) {
            Future<HttpResponse<String>> longOne = pool.submit(() ->
                    sql("SELECT count(*) FROM range(200000000) a WHERE a.range % 7 = 3 AND hash(a.range) % 5 = 1", null));
            List<Callable<Long>> quick = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int k = i;
                quick.add(() -> {
                    long t = System.nanoTime();
                    JsonNode body = sqlOk("SELECT sum(id) + " + k + " FROM types", null);
                    assertThat(body.path("rows").get(0).get(0).asLong()).isEqualTo(15 + k);
                    return (System.nanoTime() - t) / 1_000_000;
                });
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(quick)) {
                latencies.add(f.get());
            }
            assertThat(latencies).hasSize(20);
            assertThat(longOne.isDone()).as("the quick queries did not wait behind the long one").isFalse();
            assertThat(longOne.get().statusCode()).isIn(200, 504);
        }
    }

    @Test
    void theSandboxAnswers403And400OverHttp() throws Exception {
        HttpResponse<String> copy = sql("COPY (SELECT 1) TO 'leak.csv'", null);
        assertThat(copy.statusCode()).isEqualTo(403);
        assertThat(copy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sql("SELECT 1; SELECT 2", null).statusCode()).isEqualTo(400);
        HttpResponse<String> read = sql("SELECT * FROM read_text('/etc/passwd')", null);
        assertThat(read.statusCode()).isEqualTo(400);
        assertThat(read.body()).contains("Permission Error").doesNotContain("/etc/passwd").doesNotContain("root:");
        assertThat(Files.exists(work.resolve("queryd").resolve("leak.csv"))).isFalse();
    }

    @Test
    void errorsNameNoAbsolutePath() throws Exception {
        HttpResponse<String> missing = sql("SELECT * FROM read_parquet('data/queryd/cache/nope.parquet')", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).doesNotContain(work.toAbsolutePath().toString());
        HttpResponse<String> unknown = sql("SELECT * FROM no_such_view", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no_such_view");
    }

    @Test
    void bodiesOver64KiBAre413() throws Exception {
        String big = "SELECT '" + "x".repeat(70_000) + "'";
        assertThat(sql(big, null).statusCode()).isEqualTo(413);
    }

    @Test
    void tablesListViewsWithColumns() throws Exception {
        HttpResponse<String> response = http.send(request("/sql/tables").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode types = null;
        for (JsonNode t : LakehouseJson.mapper().readTree(response.body()).path("tables")) {
            if (t.path("name").asString().equals("types")) {
                types = t;
            }
        }
        assertThat(types).isNotNull();
        assertThat(types.path("version").asLong()).isEqualTo(1);
        assertThat(types.path("row_count").asLong()).isEqualTo(5);
        assertThat(types.path("columns").get(2).toString()).isEqualTo("{\"name\":\"price\",\"type\":\"DECIMAL(18,3)\"}");
    }

    @Test
    void everyVersionStaysQueryableAndDiffsAcrossReplaceAppendReplaceAndRestarts() throws Exception {
        String name = "versioned";
        register(name, "SELECT range AS n, 'a' AS tag FROM range(3)");                        // v1: 0,1,2
        register(name, "SELECT range AS n, 'b' AS tag FROM range(3, 5)", "append");           // v2: v1 + 3,4
        register(name, "SELECT range AS n, 'c' AS tag FROM range(1, 3)");                     // v3: 1,2 (c)
        assertVersions(name);
        // the diff: v1 -> v3 removes all three 'a' rows and adds the two 'c' rows
        assertThat(sqlOk("SELECT change, n, tag FROM dataset_diff('versioned', 1, 3) ORDER BY change, n", null)
                .path("rows").toString())
                .isEqualTo("[[\"added\",1,\"c\"],[\"added\",2,\"c\"],[\"removed\",0,\"a\"],[\"removed\",1,\"a\"],[\"removed\",2,\"a\"]]");
        assertThat(sqlOk("SELECT change, n FROM dataset_diff('versioned', 1, 2) ORDER BY n", null).path("rows").toString())
                .isEqualTo("[[\"added\",3],[\"added\",4]]");
        assertThat(versionsListed(name)).isEqualTo("[1,2,3]");

        // errors: unknown version / dataset are 404, bad arguments 400
        HttpResponse<String> missing = sql("SELECT * FROM dataset('versioned', 9)", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no version 9");
        assertThat(sql("SELECT * FROM dataset('nope_never', 1)", null).statusCode()).isEqualTo(404);
        assertThat(sql("SELECT * FROM dataset('versioned', 'x')", null).statusCode()).isEqualTo(400);
        assertThat(sql("SELECT * FROM dataset('versioned', (SELECT 1))", null).statusCode()).isEqualTo(400);
        // the function name inside a string is just text
        assertThat(sqlOk("SELECT 'dataset(''versioned'', 9)' AS s", null).path("rows").toString())
                .isEqualTo("[[\"dataset('versioned', 9)\"]]");

        queryd.stop();
        catalogd.stop();
        catalogd.restart();
        queryd.restart();
        Await.until("catalogd loaded after restart", Duration.ofSeconds(60),
                () -> uncheckedStatus("SELECT count(*) FROM dataset('versioned', 1)") == 200, () -> queryd.logTail(20));
        assertVersions(name);
        assertThat(versionsListed(name)).isEqualTo("[1,2,3]");
    }

    private static void assertVersions(String name) throws Exception {
        assertThat(sqlOk("SELECT n, tag FROM dataset('" + name + "', 1) ORDER BY n", null).path("rows").toString())
                .isEqualTo("[[0,\"a\"],[1,\"a\"],[2,\"a\"]]");
        assertThat(sqlOk("SELECT count(*), max(n) FROM DATASET ( '" + name + "' , 2 )", null).path("rows").toString())
                .isEqualTo("[[5,4]]");
        assertThat(sqlOk("SELECT n, tag FROM dataset('" + name + "', 3) v JOIN " + name + " USING (n, tag) ORDER BY n", null)
                .path("rows").toString()).isEqualTo("[[1,\"c\"],[2,\"c\"]]");
    }

    private static String versionsListed(String name) throws Exception {
        HttpResponse<String> response = http.send(request("/sql/tables").GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode t : LakehouseJson.mapper().readTree(response.body()).path("tables")) {
            if (t.path("name").asString().equals(name)) {
                return t.path("versions").toString();
            }
        }
        return "absent";
    }

    private static int uncheckedStatus(String query) {
        try {
            return sql(query, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void csvIsRfc4180AndAMillionRowsStreamPastTheJsonCapAtASmallHeap() throws Exception {
        HttpResponse<String> small = http.send(request("/sql").header("Accept", "text/csv")
                .POST(json("SELECT 'a,b' AS x, 'say \"hi\"' AS y, NULL AS z, 'l1' || chr(10) || 'l2' AS w, 7 AS n", null)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(small.body()).isEqualTo("x,y,z,w,n\r\n\"a,b\",\"say \"\"hi\"\"\",,\"l1\nl2\",7\r\n");

        // 1,000,000 rows of ~210 bytes: ~210 MB of CSV through a 128 MB heap, far past max_rows_cap (1000)
        HttpResponse<java.io.InputStream> big = http.send(request("/sql").header("Accept", "text/csv")
                .POST(json("SELECT range AS n, repeat('x', 200) AS pad FROM range(1000000)", null)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(big.statusCode()).isEqualTo(200);
        long lines = 0;
        long bytes = 0;
        String last = null;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(big.body(), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 2;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(1_000_001);
        assertThat(bytes).isGreaterThan(200_000_000L);
        assertThat(last).startsWith("999999,xxx");
        assertThat(queryd.isAlive()).isTrue();

        HttpResponse<String> bad = http.send(request("/sql").header("Accept", "text/csv").POST(json("SELECT nope", null)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    @Test
    void requestsWithoutTheTokenAre401() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(queryd.url("/sql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    // ---- helpers

    /** Writes a Parquet file with DuckDB, uploads it through storaged and registers it (replace). */
    private static void register(String name, String select) throws Exception {
        register(name, select, "replace");
    }

    private static void register(String name, String select, String mode) throws Exception {
        datasets.register(name, select, mode);
    }

    private static List<Path> cachedFiles() throws Exception {
        try (Stream<Path> list = Files.list(work.resolve("queryd/data/queryd/cache"))) {
            return list.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    private static List<String> tableNames() throws Exception {
        HttpResponse<String> response = http.send(request("/sql/tables").GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> names = new ArrayList<>();
        LakehouseJson.mapper().readTree(response.body()).path("tables").forEach(t -> names.add(t.path("name").asString()));
        return names;
    }

    private static JsonNode sqlOk(String sql, Integer maxRows) throws Exception {
        HttpResponse<String> response = sql(sql, maxRows);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return LakehouseJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> sql(String sql, Integer maxRows) throws Exception {
        return http.send(request("/sql").POST(json(sql, maxRows)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.BodyPublisher json(String sql, Integer maxRows) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("sql", sql);
        if (maxRows != null) {
            body.put("max_rows", maxRows);
        }
        return HttpRequest.BodyPublishers.ofString(LakehouseJson.mapper().writeValueAsString(body));
    }

    private static HttpRequest.Builder request(String path) {
        URI uri = queryd.url(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
    }

    private static final class MediaTypeArrow {
        final String value = "application/vnd.apache.arrow.stream";
    }
}
