package com.lakehouse.shared.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageClient;
import com.sun.net.httpserver.HttpServer;

/** The fleet's own journal and observer clients say which service they are (issue 20). */
class FleetSenderHeaderTest {

    private HttpServer server;
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            seen.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst(StorageClient.SERVICE_HEADER));
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceClient observerd() {
        return new ServiceClient("observerd", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Optional.empty(), Duration.ofSeconds(5));
    }

    @Test
    void journalAndObserverEventsCarryTheServiceHeader() throws Exception {
        try (JournalClient journal = new JournalClient("catalogd", observerd());
                ObserverClient observer = new ObserverClient("ingestd", observerd())) {
            journal.record("dataset", "sales", "register", null, null, "{}", "token:primary");
            observer.emit("ingest_done", Map.of("rows", 1));
            String first = seen.poll(10, TimeUnit.SECONDS);
            String second = seen.poll(10, TimeUnit.SECONDS);
            assertThat(java.util.List.of(first, second))
                    .containsExactlyInAnyOrder("/journal/events catalogd", "/observer/event ingestd");
        }
    }
}
