package com.lakehouse.ingestd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.duckdb.OfflineDuckDb;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.FakeObserverd;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.shared.testing.TestHttp;

/**
 * A real S3 server, storaged, catalogd and ingestd as the launcher runs them, plus a recording
 * observerd, for {@link IngestdIT}; and the client side of the tests: multipart uploads, and
 * Parquet objects fetched back from storaged and read with DuckDB.
 */
final class IngestFleet implements AutoCloseable {

    static final String BOUNDARY = "ingestd-it-boundary-4b1c9e";
    static final long MAX_INGEST_BYTES = 1 << 20;
    static final int SAMPLE_ROWS = 5;

    final S3ProxyServer s3;
    final ServiceProcess storaged;
    final ServiceProcess catalogd;
    final ServiceProcess ingestd;
    final FakeObserverd observerd;
    final StorageClient storage;
    final CatalogClient catalog;
    private final Path work;

    IngestFleet(Path work) throws IOException {
        this.work = work;
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).properties(s3.storagedProperties()).start();
        catalogd = ServiceProcess.builder("catalogd", work.resolve("catalogd"))
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", "http://127.0.0.1:9").start();
        observerd = FakeObserverd.start();
        ingestd = ServiceProcess.builder("ingestd", work.resolve("ingestd"))
                .property("lakehouse.ingestd.storaged_url", storaged.baseUrl())
                .property("lakehouse.ingestd.catalogd_url", catalogd.baseUrl())
                .property("lakehouse.ingestd.observerd_url", observerd.url())
                .property("lakehouse.ingestd.max_ingest_bytes", MAX_INGEST_BYTES)
                .property("lakehouse.ingestd.sample_rows", SAMPLE_ROWS)
                .property("lakehouse.ingestd.duckdb_memory_limit", "128MB")
                .start();
        storage = StorageClient.create(storaged.baseUrl(), Optional.empty());
        catalog = CatalogClient.create(catalogd.baseUrl(), Optional.empty());
        await("catalogd loaded", () -> get(catalogd, "/catalog/list").statusCode() == 200);
    }

    /** {@code POST /ingest} with the CSV as the multipart {@code file} part (Content-Length set). */
    HttpResponse<String> ingest(String query, byte[] csv) {
        return post(query, multipart("file", csv), "multipart/form-data; boundary=" + BOUNDARY);
    }

    HttpResponse<String> post(String query, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(ingestd.url("/ingest" + query)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The same upload with chunked transfer encoding: no Content-Length for the server to refuse early. */
    HttpResponse<String> ingestChunked(String query, byte[] csv) {
        byte[] body = multipart("file", csv);
        Supplier<InputStream> stream = () -> new SequenceInputStream(new ByteArrayInputStream(body), InputStream.nullInputStream());
        return send(HttpRequest.newBuilder(ingestd.url("/ingest" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(stream)));
    }

    static byte[] multipart(String field, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"upload.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<String> get(ServiceProcess service, String path) {
        return send(HttpRequest.newBuilder(service.url(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return TestHttp.send(request);
        } catch (UncheckedIOException e) {
            throw new AssertionError("HTTP call failed: " + e.getCause() + "\ningestd log:\n" + ingestd.logTail(30), e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return LakehouseJson.mapper().readTree(response.body());
    }

    /** The object's schema as DuckDB reads it from the Parquet file, and every row. */
    ParquetContent readParquet(String key) throws Exception {
        Path file = Files.createTempFile(work, "readback", ".parquet");
        storage.download(key, file);
        try (Connection c = OfflineDuckDb.open(Map.of()); Statement s = c.createStatement()) {
            String source = "read_parquet('" + file.toAbsolutePath() + "')";
            List<SchemaColumn> schema = new ArrayList<>();
            List<String> select = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    String name = rs.getString("column_name");
                    String type = rs.getString("column_type");
                    schema.add(new SchemaColumn(name, type, true));
                    String quoted = DuckDbSql.identifier(name);
                    // Temporal values compare as DuckDB prints them; everything else as JDBC objects.
                    select.add(type.equals("DATE") || type.equals("TIMESTAMP") ? "CAST(" + quoted + " AS VARCHAR)" : quoted);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT " + String.join(", ", select) + " FROM " + source)) {
                while (rs.next()) {
                    Object[] row = new Object[schema.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(Arrays.asList(row));
                }
            }
            return new ParquetContent(schema, rows);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Keys under {@code datasets/<name>/} in storaged. */
    List<String> storedKeys(String dataset) {
        return storage.listAll("datasets/" + dataset + "/").stream().map(o -> o.key()).toList();
    }

    void await(String what, Supplier<Boolean> condition) {
        Await.until(what, condition::get);
    }

    @Override
    public void close() {
        Closeables.closeAll(ingestd, catalogd, storaged, s3);
        observerd.close();
    }

    /** A Parquet object as read back: column names and DuckDB types, and the rows in file order. */
    record ParquetContent(List<SchemaColumn> schema, List<List<Object>> rows) {

        List<String> columns() {
            return schema.stream().map(c -> c.name() + ":" + c.type()).toList();
        }
    }
}
