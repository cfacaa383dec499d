package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import com.lakehouse.catalogd.catalog.CatalogChange;
import com.lakehouse.catalogd.catalog.DatasetIds;
import com.lakehouse.catalogd.store.ManifestParquet;
import com.lakehouse.catalogd.store.StoragedCatalogStore;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.ManifestVersions;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.catalog.SchemaFingerprint;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.storage.StoredObject;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.FakeObserverd;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.shared.testing.TestHttp;

/**
 * catalogd as the launcher runs it, persisting through a real storaged over a real S3 server, with
 * a recording observerd: the register contract, durability across SIGKILL, a storaged outage during
 * a register and at startup, concurrency, ETag/304 and name validation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogdIT {

    private static final String TOKEN = "catalogd-it-token" + "0123456789abcdef".repeat(3);
    private static final String FP_A = SchemaFingerprint.of(schema());
    private static final String FP_B = SchemaFingerprint.of(List.of(new SchemaColumn("id", "VARCHAR", true)));

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static FakeObserverd observerd;
    private static CatalogClient client;

    @BeforeAll
    static void startFleet() throws IOException {
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).env("AUTH_TOKEN", TOKEN).properties(s3.storagedProperties()).start();
        observerd = FakeObserverd.requiringToken(TOKEN);
        catalogd = ServiceProcess.builder("catalogd", work.resolve("catalogd"))
                .env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", observerd.url())
                .property("lakehouse.catalogd.rehydrate_retry", "200ms")
                .property("lakehouse.catalogd.checkpoint_every", "25")
                .start();
        client = CatalogClient.create(catalogd.baseUrl(), Optional.of(TOKEN));
        awaitLoaded();
    }

    @AfterAll
    static void stopFleet() {
        Closeables.closeAll(catalogd, storaged, s3);
        if (observerd != null) {
            observerd.close();
        }
    }

    @Test
    @Order(1)
    void registerFollowsTheIdempotencyContract() {
        RegisterResponse created = client.register(request("it_orders", FP_A, null, "k1", "k2"));
        assertThat(created.outcome()).isEqualTo(RegisterResponse.CREATED);
        assertThat(created.manifest().version()).isEqualTo(1);
        // uuid.uuid5(UUID('a8f3c1d2-4e5b-5a6c-9d8e-7f0a1b2c3d4e'), 'it_orders') in CPython
        assertThat(created.manifest().datasetId()).isEqualTo("74247450-b3fc-5687-a8cd-32d34bbc13e0");
        assertThat(created.manifest().rowCount()).isEqualTo(20);

        RegisterResponse unchanged = client.register(request("it_orders", FP_A, "replace", "k2", "k1"));
        assertThat(unchanged.outcome()).isEqualTo(RegisterResponse.UNCHANGED);
        assertThat(unchanged.manifest()).isEqualTo(created.manifest());

        RegisterResponse replaced = client.register(request("it_orders", FP_A, "replace", "k3"));
        assertThat(replaced.outcome()).isEqualTo(RegisterResponse.UPDATED);
        assertThat(replaced.manifest().version()).isEqualTo(2);
        assertThat(keys(replaced.manifest())).containsExactly("k3");

        RegisterResponse appended = client.register(request("it_orders", FP_A, "append", "k4", "k3"));
        assertThat(appended.manifest().version()).isEqualTo(3);
        assertThat(keys(appended.manifest())).containsExactly("k3", "k4");
        assertThat(client.register(request("it_orders", FP_A, "append", "k4")).outcome()).isEqualTo(RegisterResponse.UNCHANGED);

        assertThat(client.manifest("it_orders")).isEqualTo(appended.manifest());
        ManifestVersions versions = client.versions("it_orders");
        assertThat(versions.versions()).extracting(DatasetManifest::version).containsExactly(1L, 2L, 3L);
        assertThat(versions.versions().getFirst()).isEqualTo(created.manifest());
    }

    @Test
    @Order(2)
    void firstStatusCodesAre201Then200() {
        RegisterRequest body = request("it_status", FP_A, null, "k1");
        assertThat(send("POST", "/catalog/register", body).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/catalog/register", body).statusCode()).isEqualTo(200);
        HttpResponse<String> updated = send("POST", "/catalog/register", request("it_status", FP_A, null, "k2"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).get("outcome").asString()).isEqualTo("updated");
        assertThat(json(updated).get("manifest").get("schema_fingerprint").asString()).isEqualTo(FP_A);
    }

    @Test
    @Order(2)
    void aFingerprintThatIsNotTheSchemasIsReplacedByCatalogds() {
        RegisterResponse created = client.register(request("it_fingerprint", "a".repeat(64), null, "k1"));
        assertThat(created.manifest().schemaFingerprint()).isEqualTo(FP_A);
        RegisterResponse again = client.register(request("it_fingerprint", null, null, "k1"));
        assertThat(again.outcome()).isEqualTo(RegisterResponse.UNCHANGED);
    }

    @Test
    @Order(3)
    void anotherFingerprintIs409WithBothSchemasAndChangesNothing() {
        client.register(request("it_drift", FP_A, null, "k1"));
        long before = client.list().catalogVersion();
        RegisterRequest drifted = new RegisterRequest("it_drift", FP_B, List.of(new SchemaColumn("id", "VARCHAR", true)),
                List.of(object("k9")), null);
        HttpResponse<String> response = send("POST", "/catalog/register", drifted);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("existing_fingerprint").asString()).isEqualTo(FP_A);
        assertThat(problem.get("requested_fingerprint").asString()).isEqualTo(FP_B);
        assertThat(problem.get("existing_schema").get(1).get("name").asString()).isEqualTo("city");
        assertThat(problem.get("requested_schema").get(0).get("type").asString()).isEqualTo("VARCHAR");
        assertThatThrownBy(() -> client.register(drifted)).isInstanceOf(ConflictException.class);

        assertThat(client.manifest("it_drift").version()).isEqualTo(1);
        assertThat(keys(client.manifest("it_drift"))).containsExactly("k1");
        assertThat(client.list().catalogVersion()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void invalidNamesAndBodiesAre400AndUnknownNames404() {
        for (String name : List.of("Orders", "1abc", "or-ders", "a".repeat(64))) {
            assertThat(send("POST", "/catalog/register", request(name, FP_A, null, "k")).statusCode()).as(name).isEqualTo(400);
        }
        assertThat(send("GET", "/catalog/manifest/Bad-Name", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/catalog/manifest/Bad-Name/versions", null).statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/catalog/manifest/bad%20name", null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/catalog/register", request("it_bad", "ABC", null, "k")).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/catalog/register", request("it_bad", FP_A, "merge", "k")).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/catalog/register", new RegisterRequest("it_bad", FP_A, List.of(), List.of(object("k")), null))
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/catalog/register", new RegisterRequest("it_bad", FP_A, schema(),
                List.of(new DataObject("", 1, "e", 1)), null)).statusCode()).isEqualTo(400);
        assertThat(sendRaw("POST", "/catalog/register", "{not json").statusCode()).isEqualTo(400);

        assertThat(send("GET", "/catalog/manifest/it_bad", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/catalog/manifest/it_bad/versions", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/catalog/manifest/it_bad", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/catalog/list", null).body()).doesNotContain("it_bad");
    }

    @Test
    @Order(4)
    void theInjectionTypeIs422NamingTheColumnAndChangesNothing() {
        long before = client.list().catalogVersion();
        String hostile = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER";
        HttpResponse<String> refused = send("POST", "/catalog/register", new RegisterRequest("it_inject", null,
                List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("evil", hostile, true)),
                List.of(object("k")), null));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(refused).get("field").asString()).isEqualTo("schema[1].type");
        assertThat(refused.body()).contains("'evil'");
        assertThat(send("GET", "/catalog/manifest/it_inject", null).statusCode()).isEqualTo(404);
        assertThat(client.list().catalogVersion()).isEqualTo(before);
    }

    /**
     * Issue 21: registers with hundreds of thousands of objects, eight at once, cannot exhaust
     * catalogd's 256 MiB heap: past the body cap they are refused from Content-Length, under it the
     * objects are counted before any is built (413 max_objects), and at most four bodies are in
     * memory at a time. Nothing changes and catalogd stays ok.
     */
    @Test
    @Order(4)
    void hugeRegistersAre413AndCannotExhaustTheHeap() throws Exception {
        long before = client.list().catalogVersion();
        String underCap = hugeBody(300_000);
        String overCap = hugeBody(400_000);
        assertThat(underCap.length()).isLessThan(16 * 1024 * 1024);
        assertThat(overCap.length()).isGreaterThan(16 * 1024 * 1024);
        assertThat(statusLineForDeclaredBody(overCap.length())).contains(" 413 ");
        HttpResponse<String> counted = sendRaw("POST", "/catalog/register", underCap);
        assertThat(counted.statusCode()).isEqualTo(413);
        assertThat(json(counted).get("field").asString()).isEqualTo("objects");
        assertThat(json(counted).get("limit").asLong()).isEqualTo(100_000);

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> crowd = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                crowd.add(pool.submit(() -> sendRaw("POST", "/catalog/register", underCap)));
            }
            for (Future<HttpResponse<String>> answer : crowd) {
                assertThat(answer.get().statusCode()).isIn(413, 503);
            }
        }
        HttpResponse<String> health = call(HttpRequest.newBuilder(catalogd.url("/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("ok");
        assertThat(client.list().catalogVersion()).isEqualTo(before);
        assertThat(send("GET", "/catalog/manifest/it_huge", null).statusCode()).isEqualTo(404);
    }

    /**
     * A register that honours 503 + Retry-After, as a client of many concurrent registers must: at
     * most {@code max_concurrent_registers} are taken at once, the rest wait {@code register_wait}.
     */
    private static HttpResponse<String> sendRetrying503(RegisterRequest body) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send("POST", "/catalog/register", body);
            if (response.statusCode() != 503 || attempt == 20) {
                return response;
            }
            Thread.sleep(200);
        }
    }

    /**
     * The answer to a register that declares a body of {@code length} bytes and sends none: the cap
     * is checked from Content-Length before a byte is read (an HTTP client sending the whole body
     * would see the connection closed under it instead of the 413).
     */
    private static String statusLineForDeclaredBody(long length) throws IOException {
        URI url = catalogd.url("/catalog/register");
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /catalog/register HTTP/1.1\r\nHost: " + url.getHost() + "\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static String hugeBody(int objects) {
        StringBuilder body = new StringBuilder("{\"name\":\"it_huge\",\"schema\":[{\"name\":\"id\",\"type\":\"BIGINT\"}],\"objects\":[");
        for (int i = 0; i < objects; i++) {
            body.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i)
                    .append("\",\"size\":1,\"etag\":\"e\",\"row_count\":1}");
        }
        return body.append("]}").toString();
    }

    @Test
    @Order(5)
    void listCarriesTheCatalogVersionAsETagAndAnswers304() {
        HttpResponse<String> first = send("GET", "/catalog/list", null);
        long version = json(first).get("catalog_version").asLong();
        assertThat(first.headers().firstValue("ETag")).contains("\"" + version + "\"");
        assertThat(getWithEtag("\"" + version + "\"").statusCode()).isEqualTo(304);
        assertThat(client.listIfChanged("\"" + version + "\"")).isEmpty();

        client.register(request("it_etag", FP_A, null, "k1"));
        HttpResponse<String> changed = getWithEtag("\"" + version + "\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"" + (version + 1) + "\"");
        CatalogClient.Listing listing = client.listIfChanged("\"" + version + "\"").orElseThrow();
        assertThat(listing.listing().catalogVersion()).isEqualTo(version + 1);
        assertThat(listing.listing().datasets()).extracting(DatasetManifest::name).contains("it_etag", "it_orders");
    }

    @Test
    @Order(6)
    void deleteRemovesTheManifestAndIsJournaledWithTheActor() {
        DatasetManifest manifest = client.register(request("it_gone", FP_A, null, "k1")).manifest();
        long before = client.list().catalogVersion();
        assertThat(send("DELETE", "/catalog/manifest/it_gone", null).statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> client.manifest("it_gone")).isInstanceOf(NotFoundException.class);
        assertThat(client.list().catalogVersion()).isEqualTo(before + 1);
        assertThat(client.list().datasets()).extracting(DatasetManifest::name).doesNotContain("it_gone");

        await("delete journaled", () -> journalEvent(manifest.datasetId(), "delete").isPresent());
        JsonNode event = journalEvent(manifest.datasetId(), "delete").orElseThrow();
        assertThat(event.get("actor").asString()).isEqualTo("token:primary");
        assertThat(event.get("source").asString()).isEqualTo("catalogd");
        assertThat(event.get("entity_type").asString()).isEqualTo("dataset");
        assertThat(journalEvent(manifest.datasetId(), "register")).isPresent();
    }

    @Test
    @Order(7)
    void theJournalDatasetsOwnRegistersAreNotJournaled() {
        String id = client.register(request("lakehouse_journal", FP_A, "append", "journal/j1.parquet")).manifest().datasetId();
        client.register(request("lakehouse_journal", FP_A, "append", "journal/j2.parquet"));
        client.register(request("it_after_journal", FP_A, null, "k1"));
        String after = DatasetIds.of("it_after_journal").toString();
        await("a later register journaled", () -> journalEvent(after, "register").isPresent());
        assertThat(observerd.events()).noneMatch(e -> e.get("entity_id").asString().equals(id));
    }

    @Test
    @Order(8)
    void concurrentRegistersOfDistinctNamesAndOfOneNameEndConsistent() throws Exception {
        long before = client.list().catalogVersion();
        List<Future<HttpResponse<String>>> distinct = new ArrayList<>();
        List<Future<HttpResponse<String>>> same = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                distinct.add(pool.submit(() -> sendRetrying503(request("it_many_" + n, FP_A, null, "k"))));
                same.add(pool.submit(() -> sendRetrying503(request("it_shared", FP_A, "append", "k" + n))));
            }
        }
        for (Future<HttpResponse<String>> f : distinct) {
            assertThat(f.get().statusCode()).isEqualTo(201);
        }
        List<Long> versions = new ArrayList<>();
        for (Future<HttpResponse<String>> f : same) {
            assertThat(f.get().statusCode()).isIn(200, 201);
            versions.add(json(f.get()).get("manifest").get("version").asLong());
        }
        assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(client.versions("it_shared").versions()).extracting(DatasetManifest::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(client.manifest("it_shared").objects()).hasSize(50);
        CatalogListing listing = client.list();
        assertThat(listing.catalogVersion()).isEqualTo(before + 100);
        assertThat(listing.datasets()).extracting(DatasetManifest::name)
                .containsAll(IntStream.range(0, 50).mapToObj(i -> "it_many_" + i).toList());
    }

    @Test
    @Order(9)
    void stateIsParquetUnderCatalogAndSnapshotsBoundTheChangeLog() {
        StorageClient storage = StorageClient.create(storaged.baseUrl(), Optional.of(TOKEN));
        await("a checkpoint snapshot", () -> !storage.listAll("_catalog/snapshots/").isEmpty());
        List<StoredObject> changes = storage.listAll("_catalog/changes/");
        assertThat(changes.size()).isLessThan((int) client.list().catalogVersion());
        assertThat(storage.listAll("_catalog/")).allSatisfy(o -> assertThat(o.key()).endsWith(".parquet"));
        byte[] snapshot = storage.getBytes(storage.listAll("_catalog/snapshots/").getLast().key());
        assertThat(new String(snapshot, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    }

    @Test
    @Order(10)
    void aKilledCatalogdComesBackWithEveryVersion() {
        client.register(request("it_crash", FP_A, null, "k1"));
        CatalogListing before = client.list();
        ManifestVersions orders = client.versions("it_orders");
        ManifestVersions shared = client.versions("it_shared");

        catalogd.kill();
        catalogd.restart();
        awaitLoaded();
        assertThat(client.list()).isEqualTo(before);
        assertThat(client.versions("it_orders")).isEqualTo(orders);
        assertThat(client.versions("it_shared")).isEqualTo(shared);
        assertThatThrownBy(() -> client.manifest("it_gone")).isInstanceOf(NotFoundException.class);

        RegisterResponse next = client.register(request("it_crash", FP_A, "append", "k2"));
        assertThat(next.manifest().version()).isEqualTo(2);
        assertThat(client.list().catalogVersion()).isEqualTo(before.catalogVersion() + 1);
    }

    /**
     * One outage covers both failure paths: a register while storaged is down is refused with 503
     * and changes nothing; a catalogd restarted meanwhile answers 503 until storaged returns, then
     * loads exactly the acknowledged state (the refused change and the post-restart version too).
     */
    @Test
    @Order(11)
    void aStoragedOutageRefusesRegistersAndDelaysTheLoadButLosesNothing() {
        client.register(request("it_outage", FP_A, null, "k1"));
        CatalogListing before = client.list();
        storaged.kill();
        try {
            HttpResponse<String> refused = send("POST", "/catalog/register", request("it_outage", FP_A, null, "k2"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(refused).get("detail").asString()).contains("nothing changed");
            assertThat(send("POST", "/catalog/register", request("it_outage_new", FP_A, null, "k")).statusCode()).isEqualTo(503);
            assertThat(send("DELETE", "/catalog/manifest/it_outage", null).statusCode()).isEqualTo(503);
            assertThat(client.list()).isEqualTo(before);
            assertThat(keys(client.manifest("it_outage"))).containsExactly("k1");

            catalogd.kill();
            catalogd.restart();
            HttpResponse<String> loading = send("GET", "/catalog/list", null);
            assertThat(loading.statusCode()).isEqualTo(503);
            assertThat(json(loading).get("detail").asString()).contains("loading");
            assertThat(send("GET", "/catalog/manifest/it_orders", null).statusCode()).isEqualTo(503);
            assertThat(send("POST", "/catalog/register", request("it_early", FP_A, null, "k")).statusCode()).isEqualTo(503);
        } finally {
            storaged.restart();
        }
        awaitLoaded();
        assertThat(client.list()).isEqualTo(before);
        assertThat(client.versions("it_crash").versions()).extracting(DatasetManifest::version).containsExactly(1L, 2L);
        assertThat(keys(client.manifest("it_crash"))).containsExactly("k1", "k2");
        assertThatThrownBy(() -> client.manifest("it_outage_new")).isInstanceOf(NotFoundException.class);

        RegisterResponse retried = client.register(request("it_outage", FP_A, null, "k2"));
        assertThat(retried.outcome()).isEqualTo(RegisterResponse.UPDATED);
        assertThat(retried.manifest().version()).isEqualTo(2);
        assertThat(client.list().catalogVersion()).isEqualTo(before.catalogVersion() + 1);
    }

    /**
     * Records written by hand under {@code _catalog/changes/} (not Parquet at all, a column type that
     * is SQL, a name outside the grammar) never stop a load: each is skipped, copied under
     * {@code _catalog/quarantine/} (the original left in place), counted in {@code /health}
     * ({@code degraded}) and {@code /catalog/stats}, and the catalog comes back as acknowledged.
     */
    @Test
    @Order(12)
    void handWrittenRecordsAreQuarantinedAndTheLoadGoesOn() throws IOException {
        // _catalog/ is catalogd's own prefix: storaged takes writes there only in catalogd's name.
        StorageClient storage = StorageClient.create(storaged.baseUrl(), Optional.of(TOKEN), "catalogd");
        CatalogListing before = client.list();
        long next = before.catalogVersion() + 1;
        String hostile = "INTEGER) AS a UNION ALL SELECT 42 UNION ALL SELECT CAST(NULL AS INTEGER";
        storage.put(StoragedCatalogStore.changeKey(next), "{\"not\": \"parquet\"".getBytes(StandardCharsets.UTF_8));
        try (ManifestParquet parquet = new ManifestParquet()) {
            Path file = work.resolve("hand-written.parquet");
            parquet.write(List.of(new CatalogChange.Registered(next + 1, handWritten("it_injected", hostile))), file);
            storage.put(StoragedCatalogStore.changeKey(next + 1), file);
            parquet.write(List.of(new CatalogChange.Registered(next + 2, handWritten("Not-A-Name", "BIGINT"))), file);
            storage.put(StoragedCatalogStore.changeKey(next + 2), file);
        }

        catalogd.kill();
        catalogd.restart();
        awaitLoaded();
        assertThat(client.list()).isEqualTo(before);
        assertThat(send("GET", "/catalog/manifest/it_injected", null).statusCode()).isEqualTo(404);

        HttpResponse<String> health = call(HttpRequest.newBuilder(catalogd.url("/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asString()).isEqualTo("degraded");
        assertThat(json(health).get("quarantined").asLong()).isEqualTo(3);
        JsonNode stats = json(send("GET", "/catalog/stats", null));
        assertThat(stats.get("loaded").asBoolean()).isTrue();
        assertThat(stats.get("quarantined").asLong()).isEqualTo(3);
        assertThat(stats.get("quarantined_records").toString()).contains("schema[0].type", "invalid dataset name",
                "not a catalog Parquet file").doesNotContain(work.toString());
        for (long sequence = next; sequence <= next + 2; sequence++) {
            String key = StoragedCatalogStore.changeKey(sequence);
            assertThat(storage.head(key)).as("original kept: " + key).isPresent();
            assertThat(storage.head("_catalog/quarantine/" + key.substring("_catalog/".length()))).as("copy of " + key).isPresent();
        }

        RegisterResponse after = client.register(request("it_after_quarantine", FP_A, null, "k1"));
        assertThat(after.outcome()).isEqualTo(RegisterResponse.CREATED);
        assertThat(client.list().catalogVersion()).isEqualTo(next);
    }

    private static DatasetManifest handWritten(String name, String type) {
        return new DatasetManifest(DatasetIds.of("it_hand").toString(), name, 1, "c".repeat(64),
                List.of(new SchemaColumn("id", type, true)), List.of(object("k")), 10,
                "2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z");
    }

    /**
     * Tomcat closes a keep-alive connection after 100 requests unless told otherwise, and the
     * gateway's pool could then hand out a connection Tomcat was closing: a proxied GET failed as
     * 502 (4 in 201,801 under load, docs/BENCHMARKS.md "The edge"). Every service keeps a
     * connection open for as many requests as its client sends (LakehouseApplication's defaults).
     */
    @Test
    @Order(12)
    void oneKeepAliveConnectionServesMoreThanTomcatsDefaultHundredRequests() throws IOException {
        try (java.net.Socket socket = new java.net.Socket(catalogd.baseUrl().getHost(), catalogd.port())) {
            socket.setSoTimeout(30_000);
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            var out = socket.getOutputStream();
            for (int i = 1; i <= 250; i++) {
                out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                List<String> head = readAnswer(in);
                assertThat(head.getFirst()).as("answer " + i).startsWith("HTTP/1.1 200");
                assertThat(head).as("answer " + i + " keeps the connection").noneMatch(l -> l.equalsIgnoreCase("connection: close"));
            }
        }
    }

    /** Reads one HTTP/1.1 answer (head, then a Content-Length or chunked body); returns the head's lines. */
    private static List<String> readAnswer(java.io.InputStream in) throws IOException {
        List<String> head = new ArrayList<>();
        for (String line; !(line = readLine(in)).isEmpty(); ) {
            head.add(line);
        }
        Optional<String> length = head.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        if (length.isPresent()) {
            in.readNBytes(Integer.parseInt(length.get()));
        } else if (head.stream().anyMatch(l -> l.equalsIgnoreCase("transfer-encoding: chunked"))) {
            for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
                in.readNBytes(size);
                readLine(in);
            }
            readLine(in);
        }
        return head;
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the connection closed after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void awaitLoaded() {
        await("catalog loaded", () -> send("GET", "/catalog/list", null).statusCode() == 200);
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(30), condition, () -> catalogd.logTail(30));
    }

    private static Optional<JsonNode> journalEvent(String entityId, String action) {
        return observerd.events().stream().filter(e -> e.get("entity_id").asString().equals(entityId)
                && e.get("action").asString().equals(action)).findFirst();
    }

    private static HttpResponse<String> getWithEtag(String etag) {
        return call(HttpRequest.newBuilder(catalogd.url("/catalog/list")).header("If-None-Match", etag).GET());
    }

    private static HttpResponse<String> send(String method, String path, Object body) {
        return sendRaw(method, path, body == null ? null : LakehouseJson.mapper().writeValueAsString(body));
    }

    private static HttpResponse<String> sendRaw(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(catalogd.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return call(builder);
    }

    private static HttpResponse<String> call(HttpRequest.Builder builder) {
        return TestHttp.send(builder.header("Authorization", "Bearer " + TOKEN));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return LakehouseJson.mapper().readTree(response.body());
    }

    private static List<SchemaColumn> schema() {
        return List.of(new SchemaColumn("id", "BIGINT", false), new SchemaColumn("city", "VARCHAR", true));
    }

    private static DataObject object(String key) {
        return new DataObject(key, 100, "etag-" + key, 10);
    }

    private static RegisterRequest request(String name, String fingerprint, String mode, String... keys) {
        return new RegisterRequest(name, fingerprint, schema(), List.of(keys).stream().map(CatalogdIT::object).toList(), mode);
    }

    private static List<String> keys(DatasetManifest manifest) {
        return manifest.objects().stream().map(DataObject::key).toList();
    }
}
