package com.lakehouse.mcpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.json.McpJsonDefaults;

class InboundLinesTest {

    private final ByteArrayOutputStream toTransport = new ByteArrayOutputStream();
    private final ByteArrayOutputStream protocolOut = new ByteArrayOutputStream();
    private final AtomicInteger ends = new AtomicInteger();

    private void run(String stdin, int maxLineBytes) {
        new InboundLines(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), toTransport, protocolOut,
                McpJsonDefaults.getMapper(), maxLineBytes, ends::incrementAndGet).run();
    }

    @Test
    void forwardsJsonRpcMessagesAndReportsTheEnd() {
        String request = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        run(request + "\r\n" + notification, 1024);
        assertThat(toTransport.toString(StandardCharsets.UTF_8)).isEqualTo(request + "\n" + notification + "\n");
        assertThat(protocolOut.size()).isZero();
        assertThat(ends).hasValue(1);
    }

    @Test
    void answersUnusableLinesAndKeepsGoing() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}";
        run("\n   \nnot json\n{\"jsonrpc\":\"2.0\",\"id\":\"a\"}\n[1,2]\n" + ping + "\n", 1024);
        assertThat(toTransport.toString(StandardCharsets.UTF_8)).isEqualTo(ping + "\n");
        assertThat(protocolOut.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: not a JSON object\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request: not a JSON-RPC 2.0 request, notification or response\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: not a JSON object\"}}");
        assertThat(ends).hasValue(1);
    }

    @Test
    void skipsAnOversizedLineWholeAndReadsTheNext() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        run("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(200) + "\"}\n" + ping + "\n", 100);
        assertThat(toTransport.toString(StandardCharsets.UTF_8)).isEqualTo(ping + "\n");
        assertThat(protocolOut.toString(StandardCharsets.UTF_8)).contains("-32600").contains("longer than 100 bytes");
    }

    @Test
    void emptyInputEndsAtOnce() {
        run("", 1024);
        assertThat(toTransport.size()).isZero();
        assertThat(ends).hasValue(1);
    }
}
