package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.responses.ErrorResponseParser;
import org.apache.iceberg.rest.responses.LoadTableResponse;
import org.apache.iceberg.rest.responses.LoadTableResponseParser;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * The Iceberg REST catalog of a real catalogd, persisting through a real storaged over a real S3
 * server, read by Iceberg's own REST client: versions as tagged snapshots with footer statistics,
 * auth, idempotent metadata, rebuild after the metadata objects are deleted, deletes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IcebergCatalogIT {

    private static final String TOKEN = "iceberg-it-token" + "0123456789abcdef".repeat(3);
    private static final String FP = null; // catalogd computes the schema fingerprint itself
    private static final String NAME = "it_trips";
    private static final List<SchemaColumn> SCHEMA = List.of(new SchemaColumn("id", "BIGINT", false),
            new SchemaColumn("city", "VARCHAR", true));

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static StorageClient storage;
    private static CatalogClient catalog;
    private static RESTCatalog iceberg;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFleet() throws Exception {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).env("AUTH_TOKEN", TOKEN).properties(s3.storagedProperties()).start();
        catalogd = ServiceProcess.builder("catalogd", work.resolve("catalogd"))
                .env("AUTH_TOKEN", TOKEN)
                .properties(s3.storagedProperties())
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", "http://127.0.0.1:9")
                .property("lakehouse.catalogd.rehydrate_retry", "200ms")
                .start();
        storage = StorageClient.create(storaged.baseUrl(), Optional.of(TOKEN), "ingestd"); // writes datasets/ as ingestd does
        catalog = CatalogClient.create(catalogd.baseUrl(), Optional.of(TOKEN));
        awaitLoaded();
        iceberg = restCatalog(TOKEN);
    }

    @AfterAll
    static void stopFleet() throws IOException {
        if (iceberg != null) {
            iceberg.close();
        }
        Closeables.closeAll(catalogd, storaged, s3);
    }

    /** Iceberg's own REST client; the FileIO is never used to load (the metadata comes in the answer). */
    private static RESTCatalog restCatalog(String token) {
        RESTCatalog client = new RESTCatalog();
        Map<String, String> properties = new HashMap<>();
        properties.put("uri", catalogd.baseUrl() + "/iceberg");
        properties.put("io-impl", "org.apache.iceberg.inmemory.InMemoryFileIO");
        if (token != null) {
            properties.put("token", token);
        }
        client.initialize("lakehouse", properties);
        return client;
    }

    @Test
    @Order(1)
    void theRoutesNeedTheFleetToken() throws Exception {
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(catalogd.url("/iceberg/v1/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> restCatalog("wrong-token")).isInstanceOf(NotAuthorizedException.class);
        assertThat(iceberg.listNamespaces()).containsExactly(Namespace.of("lakehouse"));
    }

    @Test
    @Order(2)
    void everyVersionIsATaggedSnapshotWithFooterStatistics() throws Exception {
        DataObject first = upload("datasets/it_trips/one.parquet", 0, 3);
        DataObject second = upload("datasets/it_trips/two.parquet", 100, 2);
        assertThat(register("replace", first).outcome()).isEqualTo(RegisterResponse.CREATED);
        assertThat(register("append", second).manifest().version()).isEqualTo(2);

        TableIdentifier id = TableIdentifier.of("lakehouse", NAME);
        assertThat(iceberg.listTables(Namespace.of("lakehouse"))).contains(id);
        assertThat(iceberg.tableExists(id)).isTrue();
        Table table = iceberg.loadTable(id);
        assertThat(table.snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L);
        assertThat(table.refs().get("v1").snapshotId()).isEqualTo(1L);
        assertThat(table.refs().get("v2").snapshotId()).isEqualTo(2L);
        assertThat(table.properties()).containsEntry("gc.enabled", "false").containsKey("schema.name-mapping.default");

        LoadTableResponse raw = loadTable();
        assertThat(raw.config()).containsEntry("s3.endpoint", s3.endpoint().toString())
                .containsEntry("s3.path-style-access", "true");
        assertThat(storage.head(key(raw.metadataLocation()))).isPresent();
        DataFile two = files(raw.tableMetadata(), 2).stream().filter(f -> f.location().endsWith("two.parquet")).findFirst().orElseThrow();
        int idField = raw.tableMetadata().schema().findField("id").fieldId();
        assertThat(two.recordCount()).isEqualTo(2);
        assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), two.lowerBounds().get(idField))).isEqualTo(100L);
        assertThat((Long) Conversions.fromByteBuffer(Types.LongType.get(), two.upperBounds().get(idField))).isEqualTo(101L);
        assertThat(two.nullValueCounts()).containsEntry(raw.tableMetadata().schema().findField("city").fieldId(), 1L);
        assertThat(files(raw.tableMetadata(), 1)).hasSize(1);
    }

    @Test
    @Order(3)
    void metadataWritesAreIdempotent() throws Exception {
        List<String> before = metadataKeys();
        DataObject second = storage.head("datasets/it_trips/two.parquet").map(o -> new DataObject(o.key(), o.size(), o.etag(), 2)).orElseThrow();
        assertThat(register("append", second).outcome()).isEqualTo(RegisterResponse.UNCHANGED);
        loadTable();
        loadTable();
        assertThat(metadataKeys()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void deletedMetadataIsRebuiltFromTheCatalog() throws Exception {
        String location = loadTable().metadataLocation();
        metadataKeys().forEach(storage::delete);
        assertThat(metadataKeys()).isEmpty();

        LoadTableResponse rebuilt = loadTable();

        assertThat(rebuilt.metadataLocation()).isEqualTo(location);
        assertThat(storage.head(key(location))).isPresent();
        assertThat(rebuilt.tableMetadata().snapshots()).extracting(Snapshot::snapshotId).containsExactly(1L, 2L);
        assertThat(files(rebuilt.tableMetadata(), 2)).hasSize(2);
    }

    @Test
    @Order(5)
    void unsupportedRoutesAnswerTheSpecsUnsupportedOperation() throws Exception {
        HttpResponse<String> create = http.send(authorized("/iceberg/v1/namespaces")
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\":[\"x\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(create.statusCode()).isEqualTo(406);
        assertThat(ErrorResponseParser.fromJson(create.body()).type()).isEqualTo("UnsupportedOperationException");
        HttpResponse<String> missing = http.send(authorized("/iceberg/v1/namespaces/lakehouse/tables/nope").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ErrorResponseParser.fromJson(missing.body()).type()).isEqualTo("NoSuchTableException");
    }

    @Test
    @Order(6)
    void aDatasetDeletedFromTheCatalogIsNoTableButItsFilesStay() {
        catalog.delete(NAME);

        TableIdentifier id = TableIdentifier.of("lakehouse", NAME);
        assertThat(iceberg.listTables(Namespace.of("lakehouse"))).doesNotContain(id);
        assertThat(iceberg.tableExists(id)).isFalse();
        assertThatThrownBy(() -> iceberg.loadTable(id)).isInstanceOf(NoSuchTableException.class);
        assertThat(storage.head("datasets/it_trips/one.parquet")).isPresent();
    }

    /**
     * Concurrent appends to one dataset, committed by catalogd in groups (each group one Iceberg
     * commit): every acknowledged version is a snapshot and a tag of the loaded table, holding
     * exactly that version's files, with the footer statistics read ahead of the lock.
     */
    @Test
    @Order(7)
    void concurrentAppendsAreEachATaggedSnapshotWithTheirFiles() throws Exception {
        String name = "it_appends";
        int writers = 6;
        int each = 3;
        List<DataObject> uploaded = new java.util.ArrayList<>();
        for (int i = 0; i < writers * each; i++) {
            uploaded.add(upload("datasets/" + name + "/part-" + i + ".parquet", i * 10, 2));
        }
        List<java.util.concurrent.Future<List<RegisterResponse>>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                List<DataObject> mine = uploaded.subList(w * each, (w + 1) * each);
                answers.add(pool.submit(() -> mine.stream()
                        .map(o -> catalog.register(new RegisterRequest(name, FP, SCHEMA, List.of(o), "append"))).toList()));
            }
        }
        for (var answer : answers) {
            assertThat(answer.get()).allSatisfy(r -> assertThat(r.outcome()).isIn(RegisterResponse.CREATED, RegisterResponse.UPDATED));
        }

        var versions = catalog.versions(name).versions();
        assertThat(versions).hasSize(writers * each);
        HttpResponse<String> response = http.send(authorized("/iceberg/v1/namespaces/lakehouse/tables/" + name).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TableMetadata metadata = LoadTableResponseParser.fromJson(response.body()).tableMetadata();
        int idField = metadata.schema().findField("id").fieldId();
        for (var version : versions) {
            long v = version.version();
            assertThat(metadata.refs().get("v" + v).snapshotId()).isEqualTo(v);
            List<DataFile> files = files(metadata, v);
            assertThat(files).extracting(f -> key(f.location()))
                    .containsExactlyInAnyOrderElementsOf(version.objects().stream().map(DataObject::key).toList());
            assertThat(files).allSatisfy(f -> assertThat(f.lowerBounds()).containsKey(idField));
        }
    }

    private static RegisterResponse register(String mode, DataObject object) {
        return catalog.register(new RegisterRequest(NAME, FP, SCHEMA, List.of(object), mode));
    }

    private static LoadTableResponse loadTable() throws Exception {
        HttpResponse<String> response = http.send(authorized("/iceberg/v1/namespaces/lakehouse/tables/" + NAME).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return LoadTableResponseParser.fromJson(response.body());
    }

    private static List<DataFile> files(TableMetadata metadata, long snapshotId) throws IOException {
        StoragedFileIO io = new StoragedFileIO(storage, new StorageLocations("lakehouse-primary"));
        List<DataFile> files = new java.util.ArrayList<>();
        for (var manifest : metadata.snapshot(snapshotId).dataManifests(io)) {
            try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, io)) {
                reader.forEach(f -> files.add(f.copy()));
            }
        }
        return files;
    }

    private static List<String> metadataKeys() {
        return storage.listAll("datasets/it_trips/metadata/").stream().map(StoredObject::key).toList();
    }

    private static String key(String location) {
        return new StorageLocations("lakehouse-primary").key(location);
    }

    /** A Parquet file written by DuckDB (as ingestd writes them): ids from {@code firstId}, the last city null. */
    private static DataObject upload(String key, int firstId, int rows) throws IOException, SQLException {
        Path file = Files.createTempFile(work, "data-", ".parquet");
        Files.delete(file);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = db.createStatement()) {
            statement.execute("COPY (SELECT (%d + i)::BIGINT AS id, CASE WHEN i = %d THEN NULL ELSE 'city' || i END AS city "
                    .formatted(firstId, rows - 1) + "FROM range(%d) t(i)) TO '%s' (FORMAT parquet)".formatted(rows, file));
        }
        StoredObject stored = storage.put(key, file);
        return new DataObject(key, stored.size(), stored.etag(), rows);
    }

    private static HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(catalogd.url(path)).header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30));
    }

    private static void awaitLoaded() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                catalog.list();
                return;
            } catch (RuntimeException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("catalogd did not load: " + catalogd.logTail(30));
    }
}
