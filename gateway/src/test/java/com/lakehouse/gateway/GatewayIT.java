package com.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.testing.ServiceProcess;

/**
 * The gateway jar as the launcher runs it (its own JVM, a 128 MiB heap so a buffered big body
 * would kill it) in front of real HTTP servers standing in for the eight services.
 */
class GatewayIT {

    private static final List<String> SERVICES = List.of("storaged", "catalogd", "ingestd", "queryd", "vectord",
            "embedd", "pathway", "observerd");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** A 64-hex fleet token for the guarded gateway (SPEC §2.3 refuses short ones). */
    private static final String EDGE_TOKEN = "e0d6e5ec" + "0123456789abcdef".repeat(3) + "e0d6e5ec";

    @TempDir
    static Path workDir;

    private static final Map<String, EchoUpstream> upstreams = new LinkedHashMap<>();
    private static ServiceProcess gateway;
    private static ServiceProcess guarded;
    private static ServiceProcess broken;
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Three gateways boot side by side: the one most tests use, one with a token, one misconfigured. */
    @BeforeAll
    static void startFleet() throws InterruptedException {
        SERVICES.forEach(name -> upstreams.put(name, EchoUpstream.start(name)));
        ServiceProcess.Builder builder = ServiceProcess.builder("gateway", workDir.resolve("gateway")).heap("128m")
                .property("lakehouse.gateway.read_timeout", READ_TIMEOUT.toMillis() + "ms");
        upstreams.forEach((name, upstream) -> builder.property("lakehouse.gateway." + name + "_url",
                // pathway sits behind a sub-path, as a service mounted under /api of another host would
                name.equals("pathway") ? upstream.url() + "/api" : upstream.url().toString()));
        gateway = builder.build().launch();
        guarded = ServiceProcess.builder("gateway", workDir.resolve("guarded")).env("AUTH_TOKEN", EDGE_TOKEN)
                .property("lakehouse.gateway.catalogd_url", upstreams.get("catalogd").url()).build().launch();
        broken = ServiceProcess.builder("gateway", workDir.resolve("broken"))
                .property("lakehouse.gateway.storaged_url", "localhost:3211").build().launch();
        awaitHealthy(gateway);
        awaitHealthy(guarded);
    }

    @AfterAll
    static void stopFleet() {
        for (ServiceProcess process : new ServiceProcess[] {gateway, guarded, broken}) {
            if (process != null) {
                process.close();
            }
        }
        upstreams.values().forEach(EchoUpstream::close);
    }

    private static void awaitHealthy(ServiceProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("%s exited:%n%s", process, process.logTail(40)).isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(process.url("/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(process + " did not become healthy:\n" + process.logTail(40));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return LakehouseJson.mapper().readTree(response.body());
    }

    @Test
    void everyRouteReachesItsServiceWithV1Stripped() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/v1/storage/object/k", "storaged /storage/object/k");
        expected.put("/v1/storage/list", "storaged /storage/list");
        expected.put("/v1/catalog/list", "catalogd /catalog/list");
        expected.put("/v1/iceberg/v1/config", "catalogd /iceberg/v1/config");
        expected.put("/v1/ingest", "ingestd /ingest");
        expected.put("/v1/sql", "queryd /sql");
        expected.put("/v1/sql/tables", "queryd /sql/tables");
        expected.put("/v1/vectors/index/x/search", "vectord /vectors/index/x/search");
        expected.put("/v1/embed", "embedd /embed");
        expected.put("/v1/embed/stats", "embedd /embed/stats");
        expected.put("/v1/pathway/traces", "pathway /api/pathway/traces");
        expected.put("/v1/observer/events", "observerd /observer/events");
        expected.put("/v1/journal/recent", "observerd /journal/recent");
        for (var entry : expected.entrySet()) {
            HttpResponse<String> response = send(at(entry.getKey()).GET());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            JsonNode echo = json(response);
            assertThat(echo.path("upstream").asString() + " " + echo.path("path").asString()).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void pathsOutsideTheTableAre404AndNeverForwarded() throws Exception {
        for (String path : List.of("/v1/sqlx", "/v1/unknown/x", "/storage/list", "/v1")) {
            HttpResponse<String> response = send(at(path).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    @Test
    void percentEncodedPathsAndQueriesArriveByteForByte() throws Exception {
        String path = "/storage/object/dir/a%20b%2Bc%23d%3F%25e/%C3%A9t%C3%A9%20%E2%9C%93.csv";
        String query = "prefix=a%2Bb&x=c+d&flag&k=1&k=2&empty=&e=%C3%A9";
        JsonNode echo = json(send(at("/v1" + path + "?" + query).GET()));
        assertThat(echo.path("path").asString()).isEqualTo(path);
        assertThat(echo.path("query").asString()).isEqualTo(query);
    }

    @Test
    void dotSegmentsAreRefusedRatherThanRoutedElsewhere() throws Exception {
        HttpResponse<String> response = send(at("/v1/storage/%2e%2e/catalog/list").GET());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void methodsBodiesAndEndToEndRequestHeadersPassThrough() throws Exception {
        byte[] body = "{\"sql\":\"SELECT 1\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(at("/v1/sql").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer caller-token")
                .header("Range", "bytes=5-9").header("If-None-Match", "\"v6\"").header("Accept", "application/vnd.apache.arrow.stream")
                .header("X-Request-Id", "r-1"));
        JsonNode echo = json(response);
        assertThat(echo.path("method").asString()).isEqualTo("POST");
        JsonNode headers = echo.path("headers");
        assertThat(headers.path("authorization").get(0).asString()).isEqualTo("Bearer caller-token");
        assertThat(headers.path("range").get(0).asString()).isEqualTo("bytes=5-9");
        assertThat(headers.path("if-none-match").get(0).asString()).isEqualTo("\"v6\"");
        assertThat(headers.path("accept").get(0).asString()).isEqualTo("application/vnd.apache.arrow.stream");
        assertThat(headers.path("content-type").get(0).asString()).isEqualTo("application/json");
        assertThat(headers.path("content-length").get(0).asString()).isEqualTo(Integer.toString(body.length));
        assertThat(headers.path("x-request-id").get(0).asString()).isEqualTo("r-1");
        assertThat(headers.path("host").get(0).asString()).isEqualTo("127.0.0.1:" + upstreams.get("queryd").url().getPort());
        assertThat(echo.path("body_sha256").asString()).isEqualTo(GeneratedBytes.sha256(new java.io.ByteArrayInputStream(body)).hex());

        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            JsonNode e = json(send(at("/v1/vectors/index/x").method(method, HttpRequest.BodyPublishers.ofString("{}"))));
            assertThat(e.path("method").asString()).isEqualTo(method);
            assertThat(e.path("body_bytes").asLong()).isEqualTo(2);
        }
        HttpResponse<String> head = send(at("/v1/storage/object/k").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void statusesProblemBodiesAndEndToEndResponseHeadersPassThroughUnchanged() throws Exception {
        for (int status : List.of(201, 206, 304, 404, 409, 413, 503)) {
            HttpResponse<String> response = send(at("/v1/catalog/status/" + status).GET());
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"v7\"");
            assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-9/100");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(response.headers().firstValue("X-End-To-End")).hasValue("kept");
            if (status != 304) {
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body()).isEqualTo(EchoUpstream.PROBLEM_BODY.formatted(status));
            }
        }
    }

    /**
     * A HEAD carries the upstream's status, its end-to-end fields (its Content-Length too, the
     * length of the GET's body) and no body, whatever the status: the HEAD of an unknown Iceberg
     * table once came back 200 with catalogd's 404 fields (the proxy never committed the status).
     */
    @Test
    void aHeadCarriesTheUpstreamsStatusAndFieldsAndNoBody() throws Exception {
        for (int status : List.of(200, 204, 304, 404, 410, 500, 503)) {
            RawHttp.Response response = RawHttp.exchange(gateway.port(), List.of(
                    "HEAD /v1/catalog/status/" + status + " HTTP/1.1", "Host: 127.0.0.1", "Connection: close"), new byte[0]);
            assertThat(response.status()).as("HEAD %d", status).isEqualTo(status);
            assertThat(response.body()).as("HEAD %d", status).isEmpty();
            assertThat(response.header("ETag")).as("HEAD %d", status).containsExactly("\"v7\"");
            assertThat(response.header("X-End-To-End")).as("HEAD %d", status).containsExactly("kept");
            assertThat(response.header("X-Hop-Response")).as("HEAD %d", status).isEmpty();
            if (status != 204 && status != 304) {
                assertThat(response.header("Content-Length")).as("HEAD %d", status)
                        .containsExactly(Integer.toString(EchoUpstream.PROBLEM_BODY.formatted(status).length()));
                assertThat(response.header("Content-Type")).as("HEAD %d", status).containsExactly("application/problem+json");
            }
        }
        HttpResponse<String> unknown = send(at("/v1/iceberg/v1/namespaces/lakehouse/tables/status/404")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        // and the same connection answers the next request with its own status
        for (int status : List.of(404, 200, 500)) {
            HttpResponse<String> next = send(at("/v1/catalog/status/" + status).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(next.statusCode()).isEqualTo(status);
        }
    }

    @Test
    void hopByHopRequestHeadersAreDroppedIncludingThoseConnectionNames() throws Exception {
        int port = upstreams.get("catalogd").url().getPort();
        RawHttp.Response response = RawHttp.exchange(gateway.port(), List.of(
                "GET /v1/catalog/list HTTP/1.1",
                "Host: 127.0.0.1:" + gateway.port(),
                "Connection: close, X-Hop-Request",
                "X-Hop-Request: dropped",
                "Keep-Alive: timeout=5",
                "Proxy-Connection: keep-alive",
                "Proxy-Authorization: Basic dXNlcjpwYXNz",
                "TE: trailers",
                "Upgrade: websocket",
                "Authorization: Bearer end-to-end",
                "X-Kept: yes"), new byte[0]);
        assertThat(response.status()).isEqualTo(200);
        JsonNode headers = LakehouseJson.mapper().readTree(response.bodyText()).path("headers");
        assertThat(headers.has("x-hop-request")).isFalse();
        assertThat(headers.has("keep-alive")).isFalse();
        assertThat(headers.has("proxy-connection")).isFalse();
        assertThat(headers.has("proxy-authorization")).isFalse();
        assertThat(headers.has("te")).isFalse();
        assertThat(headers.has("upgrade")).isFalse();
        assertThat(headers.path("connection").isMissingNode() || !headers.path("connection").toString().contains("X-Hop"))
                .isTrue();
        assertThat(headers.path("authorization").get(0).asString()).isEqualTo("Bearer end-to-end");
        assertThat(headers.path("x-kept").get(0).asString()).isEqualTo("yes");
        assertThat(headers.path("host").get(0).asString()).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void hopByHopResponseHeadersAreDroppedIncludingThoseConnectionNames() throws Exception {
        RawHttp.Response response = RawHttp.exchange(gateway.port(), List.of(
                "GET /v1/catalog/status/200 HTTP/1.1", "Host: 127.0.0.1", "Connection: close"), new byte[0]);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Hop-Response")).isEmpty();
        assertThat(response.header("Keep-Alive")).isEmpty();
        assertThat(response.header("Proxy-Authenticate")).isEmpty();
        assertThat(response.header("Trailer")).isEmpty();
        assertThat(response.header("Upgrade")).isEmpty();
        assertThat(response.header("Connection")).allSatisfy(v -> assertThat(v).doesNotContainIgnoringCase("X-Hop"));
        assertThat(response.header("ETag")).containsExactly("\"v7\"");
        assertThat(response.header("X-End-To-End")).containsExactly("kept");
        assertThat(response.bodyText()).isEqualTo(EchoUpstream.PROBLEM_BODY.formatted(200));
    }

    @Test
    void multipartUploadsPassThroughByteForByte() throws Exception {
        String boundary = "----lakehouse-" + System.nanoTime();
        String csv = "id,name,note\r\n1,Ada,\"quoted, comma\"\r\n2,Zoë,\"multi\r\nline\"\r\n3,漢字,\u00a0\r\n";
        byte[] body = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(at("/v1/ingest?name=smoke_people&mode=append")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        JsonNode echo = json(response);
        assertThat(echo.path("path").asString()).isEqualTo("/ingest");
        assertThat(echo.path("query").asString()).isEqualTo("name=smoke_people&mode=append");
        assertThat(echo.path("headers").path("content-type").get(0).asString())
                .isEqualTo("multipart/form-data; boundary=" + boundary);
        assertThat(echo.path("body_bytes").asLong()).isEqualTo(body.length);
        assertThat(echo.path("body_sha256").asString()).isEqualTo(GeneratedBytes.sha256(new java.io.ByteArrayInputStream(body)).hex());
    }

    @Test
    void aGibibyteStreamsUpAndDownThroughA128MiBHeap() throws Exception {
        long size = 1L << 30;
        MessageDigest sent = GeneratedBytes.newDigest();
        HttpResponse<String> put = send(at("/v1/storage/object/big/blob.bin").timeout(Duration.ofMinutes(5))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new DigestInputStream(new GeneratedBytes(7, size), sent)), size)));
        assertThat(put.statusCode()).isEqualTo(200);
        String sentHex = HexFormat.of().formatHex(sent.digest());
        JsonNode echo = json(put);
        assertThat(echo.path("body_bytes").asLong()).isEqualTo(size);
        assertThat(echo.path("body_sha256").asString()).isEqualTo(sentHex);

        HttpResponse<InputStream> get = client.send(at("/v1/storage/object/generate/7/" + size).timeout(Duration.ofMinutes(5))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValueAsLong("Content-Length")).hasValue(size);
        assertThat(get.headers().firstValue("ETag")).hasValue("\"generated-" + size + "\"");
        GeneratedBytes.Digest received;
        try (InputStream in = get.body()) {
            received = GeneratedBytes.sha256(in);
        }
        assertThat(received.bytes()).isEqualTo(size);
        assertThat(received.hex()).isEqualTo(sentHex);
        assertThat(gateway.isAlive()).isTrue();
        assertThat(gateway.logTail(200)).doesNotContain("OutOfMemoryError");
    }

    @Test
    void aChunkedUploadStreamsToo() throws Exception {
        long size = 64L << 20;
        // No length: the client sends chunked, and so does the gateway.
        HttpResponse<String> put = send(at("/v1/storage/object/chunked.bin").timeout(Duration.ofMinutes(2))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBytes(9, size))));
        JsonNode echo = json(put);
        assertThat(echo.path("body_bytes").asLong()).isEqualTo(size);
        assertThat(echo.path("body_sha256").asString()).isEqualTo(GeneratedBytes.sha256(9, size));
        assertThat(echo.path("headers").path("transfer-encoding").get(0).asString()).isEqualTo("chunked");
    }

    @Test
    void anUpstreamRefusingABigBodyBeforeReadingItIsAnsweredWithItsOwnStatus() throws Exception {
        long size = 256L * 1024 * 1024;
        HttpResponse<String> response = send(at("/v1/storage/object/refuse-early").timeout(Duration.ofMinutes(2))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBytes(3, size)), size)));
        assertThat(response.statusCode()).as("the upstream's 413, not a 502 for the socket it closed: %s", response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aDeadUpstreamIs502NamingItAndHealthSaysSo() throws Exception {
        EchoUpstream embedd = upstreams.get("embedd");
        embedd.stop();
        try {
            HttpResponse<String> response = send(at("/v1/embed").POST(HttpRequest.BodyPublishers.ofString("{\"texts\":[\"a\"]}"))
                    .header("Content-Type", "application/json"));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("status").asInt()).isEqualTo(502);
            assertThat(problem.path("upstream").asString()).isEqualTo("embedd");
            assertThat(problem.path("detail").asString()).contains("embedd").doesNotContain("127.0.0.1");

            long start = System.nanoTime();
            JsonNode health = json(send(at("/v1/health").GET()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(health.path("status").asString()).isEqualTo("degraded");
            assertThat(health.path("services").path("embedd").path("status").asString()).isEqualTo("down");
            assertThat(health.path("services").path("embedd").path("error").asString()).contains("refused");
            assertThat(health.path("services").path("storaged").path("status").asString()).isEqualTo("ok");
        } finally {
            embedd.restart();
        }
    }

    @Test
    void aHangingUpstreamIs504NamingItAfterTheRouteTimeout() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(at("/v1/catalog/manifest/hang").GET());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(504);
        JsonNode problem = json(response);
        assertThat(problem.path("upstream").asString()).isEqualTo("catalogd");
        assertThat(problem.path("detail").asString()).contains("catalogd").contains("3s");
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT).isLessThan(READ_TIMEOUT.plusSeconds(5));
    }

    @Test
    void fleetHealthAnswersWithinTwoSecondsWhileOneUpstreamHangs() throws Exception {
        EchoUpstream vectord = upstreams.get("vectord");
        JsonNode healthy = json(send(at("/v1/health").GET()));
        assertThat(healthy.path("status").asString()).isEqualTo("ok");
        assertThat(healthy.path("services").size()).isEqualTo(8);
        assertThat(healthy.path("services").path("pathway").path("version").asString()).isEqualTo("test");
        vectord.hangHealth().set(true);
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = send(at("/v1/health").GET());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = json(response);
            assertThat(health.path("status").asString()).isEqualTo("degraded");
            JsonNode services = health.path("services");
            assertThat(services.path("vectord").path("status").asString()).isEqualTo("down");
            assertThat(services.path("vectord").path("error").asString()).contains("1500ms");
            assertThat(services.path("vectord").path("latency_ms").asLong()).isBetween(1400L, 2000L);
            SERVICES.stream().filter(s -> !s.equals("vectord")).forEach(s ->
                    assertThat(services.path(s).path("status").asString()).as(s).isEqualTo("ok"));
        } finally {
            vectord.hangHealth().set(false);
        }
    }

    @Test
    void anUpstreamUrlWithoutSchemeStopsStartupNamingTheKey() {
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.logTail(20)).contains("[gateway] storaged_url").contains("localhost:3211");
    }

    @Test
    void withATokenTheEdgeAsksForItAndForwardsIt() throws Exception {
        URI list = guarded.url("/v1/catalog/list");
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(list).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(list).header("Authorization", "Bearer nope")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(list)
                .header("Authorization", "Bearer " + EDGE_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(json(allowed).path("headers").path("authorization").get(0).asString()).isEqualTo("Bearer " + EDGE_TOKEN);

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(guarded.url("/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("load balancers probe /v1/health without a token").isEqualTo(200);
    }
}
