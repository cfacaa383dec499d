package com.lakehouse.queryd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.storage.StorageClient;
import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.Closeables;
import com.lakehouse.shared.testing.S3ProxyServer;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.shared.testing.TestHttp;

/**
 * {@code vector_search()} over real vectord and embedd processes (embedd's local ONNX model), joined
 * in SQL with a dataset served by real storaged and catalogd. The last test stops embedd.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VectorSearchIT {

    private static final String TOKEN = "vector-search-it" + "0123456789abcdef".repeat(3);
    private static final String DEAD = "http://127.0.0.1:9";

    @TempDir
    static Path work;

    private static S3ProxyServer s3;
    private static ServiceProcess storaged;
    private static ServiceProcess catalogd;
    private static ServiceProcess vectord;
    private static ServiceProcess embedd;
    private static ServiceProcess queryd;

    /** worker id, resume, state, hourly rate */
    private static final List<List<Object>> WORKERS = List.of(
            List.of(1, "Forklift driver, OSHA safety certified, ten years in warehouses", "IL", 22.0),
            List.of(2, "Forklift operator with safety certification, night shifts", "IL", 31.0),
            List.of(3, "Forklift driver, safety certified, loading docks", "TX", 19.0),
            List.of(4, "Pastry chef, French bakery, early mornings", "IL", 18.0),
            List.of(5, "Registered nurse, intensive care unit", "IL", 24.0),
            List.of(6, "Software engineer, Java and databases", "IL", 60.0));

    @BeforeAll
    static void fleet() throws Exception {
        // One at a time, each waited for up to 5 minutes: embedd loads an ONNX model, and six JVMs
        // booting at once on a small shared machine can outlast ServiceProcess's 90 s wait.
        s3 = S3ProxyServer.start(work.resolve("s3"));
        storaged = boot(ServiceProcess.builder("storaged", work.resolve("storaged"))
                .env(s3.credentialsEnv()).env("AUTH_TOKEN", TOKEN).properties(s3.storagedProperties()));
        catalogd = boot(ServiceProcess.builder("catalogd", work.resolve("catalogd")).env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.catalogd.storaged_url", storaged.baseUrl())
                .property("lakehouse.catalogd.observerd_url", DEAD));
        vectord = boot(ServiceProcess.builder("vectord", work.resolve("vectord")).env("AUTH_TOKEN", TOKEN).heap("512m")
                .property("lakehouse.vectord.storaged_url", "")
                .property("lakehouse.vectord.observerd_url", DEAD));
        embedd = boot(ServiceProcess.builder("embedd", work.resolve("embedd")).env("AUTH_TOKEN", TOKEN).heap("512m"));
        queryd = boot(ServiceProcess.builder("queryd", work.resolve("queryd")).env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.queryd.storaged_url", storaged.baseUrl())
                .property("lakehouse.queryd.catalogd_url", catalogd.baseUrl())
                .property("lakehouse.queryd.vectord_url", vectord.baseUrl())
                .property("lakehouse.queryd.embedd_url", embedd.baseUrl())
                .property("lakehouse.queryd.refresh_every", "1h"));

        StringBuilder rows = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (List<Object> w : WORKERS) {
            rows.append(rows.isEmpty() ? "" : ", ").append("(").append(w.get(0)).append(", '").append(w.get(2))
                    .append("', ").append(w.get(3)).append(")");
            texts.add((String) w.get(1));
        }
        new TestDatasets(work, StorageClient.create(storaged.baseUrl(), Optional.of(TOKEN), "ingestd"),
                CatalogClient.create(catalogd.baseUrl(), Optional.of(TOKEN)))
                .register("workers", "SELECT * FROM (VALUES " + rows + ") t(worker_id, state, hourly_rate)", "replace");

        JsonNode embedded = ok(post(embedd, "/embed", Map.of("texts", texts)));
        int dimension = embedded.path("dimension").asInt();
        ok(post(vectord, "/vectors/index", Map.of("name", "resumes", "dimension", dimension, "distance", "cosine")));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < WORKERS.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", WORKERS.get(i).get(0).toString());
            item.put("vector", embedded.path("vectors").get(i));
            item.put("metadata", Map.of("state", WORKERS.get(i).get(2), "rate", WORKERS.get(i).get(3)));
            items.add(item);
        }
        ok(post(vectord, "/vectors/index/resumes/add", Map.of("items", items)));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(queryd, embedd, vectord, catalogd, storaged, s3);
    }

    @Test
    @Order(1)
    void hybridQueryJoinsHitsToADatasetWithASqlFilterAndAMetadataFilter() {
        JsonNode body = ok(sql("""
                SELECT w.worker_id, w.state, w.hourly_rate, v.rank
                FROM vector_search('resumes', 'forklift driver with a safety certification', 3, '{"state":"IL"}') v
                JOIN workers w ON w.worker_id::VARCHAR = v.id
                WHERE w.hourly_rate < 25
                ORDER BY v.distance"""));
        List<JsonNode> rows = new ArrayList<>();
        body.path("rows").forEach(rows::add);
        // the metadata filter kept IL only (worker 3 is TX); the SQL filter dropped worker 2 ($31)
        assertThat(rows).isNotEmpty();
        assertThat(rows.getFirst().get(0).asInt()).isEqualTo(1);
        rows.forEach(r -> {
            assertThat(r.get(1).asString()).isEqualTo("IL");
            assertThat(r.get(2).asDouble()).isLessThan(25);
        });
        assertThat(rows).extracting(r -> r.get(0).asInt()).doesNotContain(2, 3, 6);
    }

    @Test
    @Order(2)
    void hitsCarryIdDistanceRankAndMetadataColumns() {
        JsonNode body = ok(sql("SELECT * FROM vector_search('resumes', 'forklift', 6) ORDER BY rank"));
        List<String> columns = new ArrayList<>();
        body.path("columns").forEach(c -> columns.add(c.path("name").asString() + " " + c.path("type").asString()));
        // the fixed columns first; the metadata columns in the order vectord's JSON gives the keys
        assertThat(columns.subList(0, 3)).containsExactly("id VARCHAR", "distance DOUBLE", "rank INTEGER");
        assertThat(columns.subList(3, columns.size())).containsExactlyInAnyOrder("state VARCHAR", "rate DOUBLE");
        assertThat(body.path("row_count").asInt()).isEqualTo(6);
        // a literal vector of the right dimension is accepted: the zero-th worker's own vector finds itself first
        JsonNode item = ok(get(vectord, "/vectors/index/resumes/items/4"));
        assertThat(ok(sql("SELECT id FROM vector_search('resumes', " + item.path("vector") + ", 1)")).path("rows").toString())
                .isEqualTo("[[\"4\"]]");
    }

    @Test
    @Order(3)
    void errorsAreProblemsNever500() {
        assertProblem(sql("SELECT * FROM vector_search('nope', 'x', 3)"), 404, "no vector index named 'nope'");
        assertProblem(sql("SELECT * FROM vector_search('resumes', [1, 2, 3], 3)"), 400, "dimension");
        assertProblem(sql("SELECT * FROM vector_search('resumes', 'x', 0)"), 400, "k must be");
        assertProblem(sql("SELECT * FROM vector_search('resumes', 'x', 3, 'state=IL')"), 400, "JSON object");
        assertProblem(sql("SELECT * FROM vector_search('resumes', (SELECT 'x'), 3)"), 400, "literals");
        // what the sandbox refuses stays refused around a vector_search
        assertProblem(sql("SELECT * FROM vector_search('resumes', 'x', 3), read_text('/etc/passwd')"), 400, "");
    }

    @Test
    @Order(4)
    void anIndexDeletedOrMadeAgainWithAnotherDimensionIsSeenAtOnce() {
        ok(post(vectord, "/vectors/index", Map.of("name", "remade", "dimension", 384, "distance", "cosine")));
        // remembered now: its dimension and embedd's models are not asked again for a while
        assertThat(ok(sql("SELECT count(*) FROM vector_search('remade', 'forklift', 3)")).path("rows").toString())
                .isEqualTo("[[0]]");
        assertThat(delete(vectord, "/vectors/index/remade").statusCode()).isBetween(200, 204);
        assertProblem(sql("SELECT * FROM vector_search('remade', 'forklift', 3)"), 404, "no vector index named 'remade'");
        ok(post(vectord, "/vectors/index", Map.of("name", "remade", "dimension", 384, "distance", "cosine")));
        sql("SELECT * FROM vector_search('remade', 'forklift', 3)");
        assertThat(delete(vectord, "/vectors/index/remade").statusCode()).isBetween(200, 204);
        ok(post(vectord, "/vectors/index", Map.of("name", "remade", "dimension", 3, "distance", "cosine")));
        // not vectord's dimension mismatch for a 384-d query vector: the index's new dimension, asked again
        assertProblem(sql("SELECT * FROM vector_search('remade', 'forklift', 3)"), 400,
                "vector index 'remade' has dimension 3 and no embedd model embeds to that dimension");
    }

    @Test
    @Order(5)
    void embeddDownIsA503NamingIt() {
        embedd.stop();
        assertProblem(sql("SELECT * FROM vector_search('resumes', 'forklift', 3)"), 503, "embedd");
    }

    private static ServiceProcess boot(ServiceProcess.Builder builder) {
        ServiceProcess service = builder.build().launch();
        Await.until(service + " healthy", Duration.ofMinutes(5), () -> healthy(service), () -> service.logTail(20));
        return service;
    }

    private static boolean healthy(ServiceProcess service) {
        try {
            return get(service, "/health").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(response.body()).contains(detail);
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return LakehouseJson.mapper().readTree(response.body());
    }

    private static HttpResponse<String> sql(String query) {
        return post(queryd, "/sql", Map.of("sql", query));
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) {
        return send(request(service.url(path)).GET());
    }

    private static HttpResponse<String> delete(ServiceProcess service, String path) {
        return send(request(service.url(path)).DELETE());
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, Object body) {
        return send(request(service.url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LakehouseJson.mapper().writeValueAsString(body))));
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return TestHttp.send(TestHttp.newClient(), request, Duration.ofSeconds(120), HttpResponse.BodyHandlers.ofString());
    }
}
