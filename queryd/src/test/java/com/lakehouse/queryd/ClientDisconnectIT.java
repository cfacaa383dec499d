package com.lakehouse.queryd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.testing.Await;
import com.lakehouse.shared.testing.ServiceProcess;
import com.lakehouse.shared.testing.TestHttp;

/**
 * Issue 21: a query whose HTTP client hangs up is cancelled. The statement timeout is an hour and
 * there is one worker, so only the disconnect can end the statement, and the worker being free again
 * is shown by the executor's counters (no timing in any assertion).
 */
class ClientDisconnectIT {

    private static final String TOKEN = "queryd-disconnect-it-token-0123456789ab";
    private static final String SLOW = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7";

    @TempDir
    static Path work;
    private static ServiceProcess queryd;

    @BeforeAll
    static void start() {
        queryd = ServiceProcess.builder("queryd", work.resolve("queryd"))
                .env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.queryd.storaged_url", "http://127.0.0.1:9")
                .property("lakehouse.queryd.catalogd_url", "http://127.0.0.1:9")
                .property("lakehouse.queryd.statement_timeout", "1h")
                .property("lakehouse.queryd.workers", "2") // its warm-up may hold one a moment
                .property("lakehouse.queryd.queue_limit", "0")
                .start();
    }

    @AfterAll
    static void stop() {
        if (queryd != null) {
            queryd.close();
        }
    }

    private static JsonNode stats() {
        return TestHttp.json(TestHttp.get(queryd.url("/sql/stats").toString(), "Authorization", "Bearer " + TOKEN));
    }

    @Test
    void aClientThatHangsUpHasItsStatementInterruptedAndTheWorkerFreed() throws Exception {
        long cancelledBefore = stats().path("cancelled_on_disconnect").asLong();
        byte[] body = ("{\"sql\":\"" + SLOW + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(queryd.baseUrl().getHost(), queryd.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sql HTTP/1.1\r\nHost: queryd\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Await.until("the slow statement runs", () -> stats().path("running").asLong() == 1);
        }
        Await.until("the statement is cancelled after the client left", Duration.ofSeconds(60),
                () -> stats().path("cancelled_on_disconnect").asLong() == cancelledBefore + 1
                        && stats().path("running").asLong() == 0, () -> queryd.logTail(30));
        var next = TestHttp.post(queryd.url("/sql").toString(), "{\"sql\":\"SELECT 1 AS one\"}",
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(next).path("rows").toString()).isEqualTo("[[1]]");
    }
}
