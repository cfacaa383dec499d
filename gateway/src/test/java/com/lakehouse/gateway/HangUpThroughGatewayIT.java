package com.lakehouse.gateway;

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
 * A caller that hangs up on the gateway while a slow query runs behind it has that query cancelled:
 * the gateway aborts its upstream request, queryd sees its own client go and interrupts the
 * statement. A real gateway in front of a real queryd (queryd's jar is built before the gateway's in
 * the reactor). queryd's statement timeout is an hour and it has one worker, so only the hang-up can
 * end the statement; the end is shown by queryd's counters, never by timing.
 */
class HangUpThroughGatewayIT {

    private static final String TOKEN = "gateway-hang-up-it-token-0123456789abcdef";
    private static final String SLOW = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7";

    @TempDir
    static Path work;
    private static ServiceProcess queryd;
    private static ServiceProcess gateway;

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
        gateway = ServiceProcess.builder("gateway", work.resolve("gateway")).heap("128m")
                .env("AUTH_TOKEN", TOKEN)
                .property("lakehouse.gateway.queryd_url", queryd.baseUrl().toString())
                .start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (queryd != null) {
            queryd.close();
        }
    }

    private static JsonNode stats() {
        return TestHttp.json(TestHttp.get(queryd.url("/sql/stats").toString(), "Authorization", "Bearer " + TOKEN));
    }

    @Test
    void aCallerThatHangsUpOnTheGatewayHasItsQueryCancelled() throws Exception {
        var through = TestHttp.post(gateway.url("/v1/sql").toString(), "{\"sql\":\"SELECT 1 AS one\"}",
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(through.statusCode()).as(through.body()).isEqualTo(200);
        long cancelledBefore = stats().path("cancelled_on_disconnect").asLong();
        byte[] body = ("{\"sql\":\"" + SLOW + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(gateway.baseUrl().getHost(), gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/sql HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Await.until("the slow statement runs", () -> stats().path("running").asLong() == 1);
        }
        Await.until("the statement is cancelled after the caller left the gateway", Duration.ofSeconds(60),
                () -> stats().path("cancelled_on_disconnect").asLong() == cancelledBefore + 1
                        && stats().path("running").asLong() == 0,
                () -> "gateway:\n" + gateway.logTail(30) + "\nqueryd:\n" + queryd.logTail(30));
        var next = TestHttp.post(gateway.url("/v1/sql").toString(), "{\"sql\":\"SELECT 1 AS one\"}",
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(TestHttp.json(next).path("rows").toString()).isEqualTo("[[1]]");
    }
}
