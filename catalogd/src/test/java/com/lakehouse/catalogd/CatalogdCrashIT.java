package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.RegisterRequest;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.FakeObserverd;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.shared.testing.TestHttp;

/**
 * Issue 21: kill -9 at a random moment under a concurrent register load loses nothing
 * acknowledged and shows nothing partial. Writers register new datasets and append to one shared
 * dataset through a real catalogd (persisting through a real storaged over a real S3 server);
 * catalogd is SIGKILLed at a random moment, three times, and after each restart every register
 * that was answered 200/201 is there, versions have no gaps, every object in the catalog was sent
 * by some writer, and {@code catalog_version} counts exactly the versions kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogdCrashIT {

    private static final String TOKEN = "catalogd-crash-it-token" + "0123456789abcdef".repeat(2);
    private static final int WRITERS = 6;
    private static final java.util.Map<String, Integer> OUTCOMES = new ConcurrentHashMap<>();
    private static final List<SchemaColumn> SCHEMA = List.of(new SchemaColumn("id", "BIGINT", false));
    /** catalogd's log, and its thread dumps when a restart does not come up, kept after the temp dir is gone. */
    private static final Path DIAGNOSTICS = Path.of("target", "catalogd-crash-it");

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static FakeObserverd observerd;

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
                .property("lakehouse.catalogd.checkpoint_every", "16")
                // The grouped-appends test sends 24 registers at once through the 4 register slots:
                // it checks what survives kill -9, not the slots' 10 s wait (CatalogdIT checks that),
                // so a slow machine must not turn its queue into 503s.
                .property("lakehouse.catalogd.register_wait", "120s")
                .start();
        awaitLoaded();
    }

    @AfterAll
    static void stopFleet() throws IOException {
        if (catalogd != null && Files.exists(catalogd.logFile())) {
            Files.createDirectories(DIAGNOSTICS);
            Files.copy(catalogd.logFile(), DIAGNOSTICS.resolve("catalogd.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Closeables.closeAll(catalogd, storaged, s3);
        if (observerd != null) {
            observerd.close();
        }
    }

    @Test
    @Order(1)
    void everyAcknowledgedRegisterSurvivesKillNineAndNothingPartialIsVisible() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<String> acknowledgedNames = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedSharedKeys = ConcurrentHashMap.newKeySet();
        Set<String> sentKeys = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            int r = round;
            AtomicBoolean stop = new AtomicBoolean();
            // a first register of a fresh process is slow (class loading, the Iceberg view's first write):
            // take it before the load so the kill falls among the registers, not before the first
            String warm = "crash_warm_" + round;
            sentKeys.add(warm);
            assertThat(register(new RegisterRequest(warm, null, SCHEMA, List.of(object(warm)), null)).statusCode()).isEqualTo(201);
            acknowledgedNames.add(warm);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    pool.submit(() -> write(r, writer, stop, acknowledgedNames, acknowledgedSharedKeys, sentKeys));
                }
                Thread.sleep(500 + random.nextInt(4_000));
                catalogd.kill();
                stop.set(true);
            }
            restartAndAwaitLoaded("round-" + round);
            System.out.println("crash round " + round + ": " + OUTCOMES);
            checkNothingLostNothingPartial("seed " + seed + ", round " + round, acknowledgedNames, acknowledgedSharedKeys, sentKeys);
        }
        assertThat(acknowledgedNames.size() + acknowledgedSharedKeys.size()).as("the load acknowledged some registers (seed " + seed + "): " + OUTCOMES).isGreaterThan(3);
        JsonNode health = json(call(HttpRequest.newBuilder(catalogd.url("/health")).GET()));
        assertThat(health.get("status").asString()).as(health.toString()).isEqualTo("ok");

        long before = client().list().catalogVersion();
        assertThat(register(new RegisterRequest("crash_after", null, SCHEMA, List.of(object("after")), null)).statusCode())
                .isEqualTo(201);
        assertThat(client().list().catalogVersion()).isEqualTo(before + 1);
    }

    /**
     * The group commit: concurrent appends to one dataset (committed together while another holds
     * the catalog's lock) each get their own version, consecutive, and every acknowledged one is
     * there after kill -9 and restart, with its object in the version its answer named, and a tagged
     * snapshot of the Iceberg table loaded after the restart. Runs after
     * the random-kill test, whose checks count every dataset of the catalog.
     */
    @Test
    @Order(2)
    void concurrentAppendsToOneDatasetGetConsecutiveVersionsThatSurviveKillNine() throws Exception {
        int appends = 24;
        String name = "crash_grouped";
        assertThat(register(new RegisterRequest(name, null, SCHEMA, List.of(object("g_first")), "append")).statusCode())
                .isEqualTo(201);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < appends; i++) {
                String key = "g_" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return register(new RegisterRequest(name, null, SCHEMA, List.of(object(key)), "append"));
                }));
            }
            start.countDown();
        }
        java.util.Map<Long, String> acknowledged = new java.util.TreeMap<>();
        for (int i = 0; i < appends; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            RegisterResponse response = LakehouseJson.mapper().readValue(answer.body(), RegisterResponse.class);
            assertThat(acknowledged.put(response.manifest().version(), "g_" + i)).as("one version per append").isNull();
        }
        assertThat(acknowledged.keySet()).as("consecutive versions after the first")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(2, appends + 1).boxed().toList());

        catalogd.kill();
        restartAndAwaitLoaded("grouped");

        List<DatasetManifest> history = client().versions(name).versions();
        assertThat(history).hasSize(appends + 1);
        for (int v = 0; v < history.size(); v++) {
            DatasetManifest manifest = history.get(v);
            assertThat(manifest.version()).isEqualTo(v + 1L);
            List<String> keys = manifest.objects().stream().map(DataObject::key).toList();
            assertThat(keys).hasSize(v + 1);
            if (v > 0) {
                assertThat(keys).as("version " + manifest.version() + " adds the object its append was answered with")
                        .containsAll(history.get(v - 1).objects().stream().map(DataObject::key).toList())
                        .contains(acknowledged.get(manifest.version()));
            }
        }
        // The Iceberg view is written after the acknowledgment, in the background: a kill just after the
        // answers can leave it behind, and loading the table writes what is missing before it answers.
        HttpResponse<String> table = call(HttpRequest.newBuilder(catalogd.url("/iceberg/v1/namespaces/lakehouse/tables/" + name)).GET());
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        JsonNode refs = json(table).get("metadata").get("refs");
        for (long v = 1; v <= appends + 1; v++) {
            assertThat(refs.get("v" + v)).as("the loaded table tags every acknowledged version: v" + v).isNotNull();
            assertThat(refs.get("v" + v).get("snapshot-id").asLong()).isEqualTo(v);
        }
        long groups = catalogd.logTail(100_000).lines().filter(l -> l.contains("registers committed: ")
                && !l.contains("registers committed: 1 ")).count();
        System.out.println("grouped appends: " + groups + " writes of more than one register in catalogd's log");
    }

    /** Registers until stopped or catalogd goes away; records what was acknowledged. */
    private static void write(int round, int writer, AtomicBoolean stop, Set<String> names, Set<String> sharedKeys,
            Set<String> sent) {
        for (int i = 0; !stop.get(); i++) {
            String suffix = round + "_" + writer + "_" + i;
            boolean shared = i % 2 == 1;
            String name = shared ? "crash_shared" : "crash_" + suffix;
            String key = "k" + suffix;
            sent.add(key);
            HttpResponse<String> answer;
            try {
                answer = register(new RegisterRequest(name, null, SCHEMA, List.of(object(key)), shared ? "append" : null));
            } catch (RuntimeException e) {
                OUTCOMES.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                return; // catalogd was killed under this request: not acknowledged
            }
            OUTCOMES.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                (shared ? sharedKeys : names).add(shared ? key : name);
            }
        }
    }

    private static void checkNothingLostNothingPartial(String run, Set<String> names, Set<String> sharedKeys, Set<String> sent) {
        CatalogClient client = client();
        CatalogListing listing = client.list();
        Set<String> present = new HashSet<>();
        long versions = 0;
        for (DatasetManifest current : listing.datasets()) {
            present.add(current.name());
            List<DatasetManifest> history = client.versions(current.name()).versions();
            versions += history.size();
            for (int v = 0; v < history.size(); v++) {
                DatasetManifest manifest = history.get(v);
                assertThat(manifest.version()).as(run + ": " + current.name() + " versions without gaps").isEqualTo(v + 1L);
                assertThat(manifest.objects()).as(run + ": objects of " + current.name() + " v" + manifest.version())
                        .isNotEmpty().allSatisfy(o -> assertThat(sent).contains(o.key()));
                assertThat(manifest.rowCount()).isEqualTo(manifest.objects().size() * 10L);
                if (v > 0) {
                    assertThat(manifest.objects()).as(run + ": an append keeps what was there")
                            .containsAll(history.get(v - 1).objects()).hasSize(history.get(v - 1).objects().size() + 1);
                }
            }
        }
        assertThat(listing.catalogVersion()).as(run + ": catalog_version counts exactly the versions kept").isEqualTo(versions);
        assertThat(present).as(run + ": every acknowledged new dataset").containsAll(names);
        if (!sharedKeys.isEmpty()) {
            List<String> keys = client.manifest("crash_shared").objects().stream().map(DataObject::key).toList();
            assertThat(keys).as(run + ": every acknowledged append").containsAll(sharedKeys);
        }
    }

    private static HttpResponse<String> register(RegisterRequest body) {
        return call(HttpRequest.newBuilder(catalogd.url("/catalog/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LakehouseJson.mapper().writeValueAsString(body))));
    }

    private static DataObject object(String key) {
        return new DataObject(key, 100, "etag-" + key, 10);
    }

    private static CatalogClient client() {
        return CatalogClient.create(catalogd.baseUrl(), Optional.of(TOKEN));
    }

    /** Restarts catalogd after kill -9; when it does not come up, its log and thread dumps go to target/ first. */
    private static void restartAndAwaitLoaded(String label) {
        try {
            catalogd.restart();
            awaitLoaded();
        } catch (RuntimeException | AssertionError e) {
            System.out.println("catalogd did not come up after restart (" + label + "); diagnostics in "
                    + catalogd.diagnose(DIAGNOSTICS, label).toAbsolutePath());
            throw e;
        }
    }

    private static void awaitLoaded() {
        Await.until("catalog loaded", Duration.ofSeconds(60),
                () -> call(HttpRequest.newBuilder(catalogd.url("/catalog/list")).GET()).statusCode() == 200,
                () -> catalogd.logTail(30));
    }

    private static HttpResponse<String> call(HttpRequest.Builder builder) {
        return TestHttp.send(builder.header("Authorization", "Bearer " + TOKEN));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return LakehouseJson.mapper().readTree(response.body());
    }
}
