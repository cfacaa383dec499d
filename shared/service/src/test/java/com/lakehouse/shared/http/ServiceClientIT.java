package com.lakehouse.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;
import com.lakehouse.shared.testing.FreePort;
import com.sun.net.httpserver.HttpServer;

/** The client against a tiny real HTTP server: statuses become the caller's own domain exceptions. */
class ServiceClientIT {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final List<Integer> postedFrom = new CopyOnWriteArrayList<>();
    private static final byte[] BIG = new byte[3 * 1024 * 1024 + 17];

    static {
        new java.util.Random(7).nextBytes(BIG);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ok", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            respond(exchange, 200, "application/json", "{\"row_count\":3}");
        });
        server.createContext("/api/echo", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            postedFrom.add(exchange.getRemoteAddress().getPort());
            posted.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 200, "application/json", "{\"row_count\":" + posted.size() + "}");
        });
        server.createContext("/api/conflict", exchange -> respond(exchange, 409, "application/problem+json",
                "{\"type\":\"x\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"schema differs\",\"existing_schema\":\"a\"}"));
        server.createContext("/api/missing", exchange -> respond(exchange, 404, "application/problem+json",
                "{\"status\":404,\"detail\":\"no dataset x\"}"));
        server.createContext("/api/broken", exchange -> respond(exchange, 500, "text/plain", "boom"));
        server.createContext("/api/big", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, BIG.length);
            exchange.getResponseBody().write(BIG);
            exchange.close();
        });
        server.createContext("/api/tagged", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().set("ETag", "\"7\"");
            if ("\"7\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
            } else {
                respond(exchange, 200, "application/json", "{\"catalog_version\":7}");
            }
        });
        server.createContext("/api/slow", exchange -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, "application/json", "{}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Counted(long rowCount) {
    }

    private ServiceClient client(Duration timeout) {
        return new ServiceClient("catalogd", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api"),
                Optional.of("tok"), timeout);
    }

    @Test
    void keepsTheBaseSubPathSendsTheTokenAndReadsSnakeCase() {
        assertThat(client(Duration.ofSeconds(5)).getJson("/ok", Counted.class)).isEqualTo(new Counted(3));
        assertThat(authorizations).containsExactly("Bearer tok");
    }

    @Test
    void upstreamProblemsBecomeTheSameDomainExceptionsWithTheirMembers() {
        ServiceClient client = client(Duration.ofSeconds(5));

        assertThatThrownBy(() -> client.getJson("/conflict", Map.class))
                .isInstanceOf(ConflictException.class).hasMessage("schema differs")
                .satisfies(e -> assertThat(((ConflictException) e).details()).containsEntry("existing_schema", "a")
                        .doesNotContainKeys("type", "title", "status"));
        assertThatThrownBy(() -> client.getJson("/missing", Map.class))
                .isInstanceOf(NotFoundException.class).hasMessage("no dataset x");
        assertThatThrownBy(() -> client.getJson("/broken", Map.class))
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("catalogd answered 500");
    }

    @Test
    void unreachableIsUnavailableAndSlowIsATimeout() {
        ServiceClient dead = new ServiceClient("storaged", URI.create("http://127.0.0.1:" + FreePort.find()),
                Optional.empty(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> dead.getJson("/x", Map.class))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("storaged");

        assertThatThrownBy(() -> client(Duration.ofMillis(300)).getJson("/slow", Map.class))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("catalogd");
    }

    @Test
    void streamsABulkGetWithTheTokenAndMapsItsFailures() throws IOException {
        ServiceClient client = client(Duration.ofSeconds(5));

        try (InputStream body = client.openStream("/big")) {
            assertThat(body.readAllBytes()).isEqualTo(BIG);
        }
        assertThat(authorizations).containsExactly("Bearer tok");
        assertThatThrownBy(() -> client.openStream("/missing"))
                .isInstanceOf(NotFoundException.class).hasMessage("no dataset x");
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).openStream("/slow"))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("catalogd");
        ServiceClient dead = new ServiceClient("storaged", URI.create("http://127.0.0.1:" + FreePort.find()),
                Optional.empty(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> dead.openStream("/x"))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("storaged is unreachable");
    }

    @Test
    void aConditionalGetIsEmptyOn304AndCarriesTheEtagOn200() {
        ServiceClient client = client(Duration.ofSeconds(5));

        ServiceClient.Tagged first = client.getIfNoneMatch("/tagged", null).orElseThrow();
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"catalog_version\":7}");
        assertThat(first.etag()).isEqualTo("\"7\"");
        assertThat(client.getIfNoneMatch("/tagged", "\"6\"")).isPresent();
        for (int i = 0; i < 3; i++) {
            assertThat(client.getIfNoneMatch("/tagged", "\"7\"")).isEmpty();
        }
        assertThat(authorizations).hasSize(5).containsOnly("Bearer tok");
        assertThatThrownBy(() -> client.getIfNoneMatch("/conflict", null))
                .isInstanceOf(ConflictException.class).hasMessage("schema differs");
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).getIfNoneMatch("/slow", null))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("catalogd");
    }

    record Asked(String queryText, int k) {
    }

    @Test
    void aSmallPostSendsSnakeCaseJsonWithTheTokenOverOneConnectionAndMapsFailures() {
        ServiceClient client = client(Duration.ofSeconds(5));

        for (int i = 1; i <= 3; i++) {
            assertThat(client.postSmallJson("/echo", new Asked("forklift", i), Counted.class)).isEqualTo(new Counted(i));
        }
        assertThat(posted).containsExactly("POST application/json {\"query_text\":\"forklift\",\"k\":1}",
                "POST application/json {\"query_text\":\"forklift\",\"k\":2}",
                "POST application/json {\"query_text\":\"forklift\",\"k\":3}");
        assertThat(authorizations).containsExactly("Bearer tok", "Bearer tok", "Bearer tok");
        assertThat(postedFrom).as("kept alive").containsOnly(postedFrom.getFirst());
        assertThatThrownBy(() -> client.postSmallJson("/conflict", Map.of(), Map.class))
                .isInstanceOf(ConflictException.class).hasMessage("schema differs")
                .satisfies(e -> assertThat(((ConflictException) e).details()).containsEntry("existing_schema", "a"));
        assertThatThrownBy(() -> client.postSmallJson("/missing", Map.of(), Map.class))
                .isInstanceOf(NotFoundException.class).hasMessage("no dataset x");
        assertThatThrownBy(() -> client.postSmallJson("/broken", Map.of(), Map.class))
                .isInstanceOf(UpstreamFailureException.class).hasMessageContaining("catalogd answered 500");
        assertThatThrownBy(() -> client(Duration.ofMillis(300)).postSmallJson("/slow", Map.of(), Map.class))
                .isInstanceOf(UpstreamTimeoutException.class).hasMessageContaining("catalogd");
        ServiceClient dead = new ServiceClient("embedd", URI.create("http://127.0.0.1:" + FreePort.find()),
                Optional.empty(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> dead.postSmallJson("/x", Map.of(), Map.class))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("embedd is unreachable");
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
