package com.lakehouse.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.shared.testapp.TestServiceApplication;

/**
 * Bodies over raw sockets (issue 20): a chunked body past the cap is 413 once the cap is read; an
 * unauthenticated body is answered 401 and the connection closed without reading the rest (the
 * client here never finishes its body, so a server that drained it would never close).
 */
class RequestBodyLimitIT {

    private static final String TOKEN = "b0d1e5" + "0123456789abcdef".repeat(3) + "b0d1e51234";
    private static ConfigurableApplicationContext context;
    private static int port;

    @BeforeAll
    static void boot() {
        context = TestServiceApplication.start("--lakehouse.catalogd.max_body_bytes=1024", "--lakehouse.auth.token=" + TOKEN);
        port = TestServiceApplication.port(context);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void anAuthenticatedChunkedBodyPastTheCapIs413() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST /echo", "Authorization: Bearer " + TOKEN, "Content-Type: application/json",
                    "Transfer-Encoding: chunked"));
            String chunk = "{\"text\":\"" + "x".repeat(2000);
            out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // no terminating chunk: the service answers from what it has read

            String answer = readAnswer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void anUnauthenticatedEndlessChunkedBodyIs401AndTheConnectionCloses() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST /echo", "Content-Type: application/json", "Transfer-Encoding: chunked"));
            byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(chunk);
            out.flush();

            String answer = readToEnd(socket, out, chunk);
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close")
                    .contains("application/problem+json");
        }
    }

    @Test
    void anUnauthenticatedHugeDeclaredBodyIs401AndTheConnectionCloses() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("PUT /echo", "Authorization: Bearer wrong", "Content-Length: 10737418240"));
            byte[] chunk = new byte[0x4000];
            out.write(chunk);
            out.flush();

            String answer = readToEnd(socket, out, chunk);
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
        }
    }

    @Test
    void anUnauthenticatedRequestWithoutABodyKeepsItsConnection() throws IOException {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head("GET /whoami"));
            out.write(head("GET /whoami"));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 401").doesNotContainIgnoringCase("connection: close");
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 401");
        }
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000); // a guard against a hang, not an assertion on time
        return socket;
    }

    private static byte[] head(String requestLine, String... headers) {
        StringBuilder b = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            b.append(header).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends up to 1 MiB more of the body (less than Tomcat's default swallow size, so only a close
     * without draining ends the exchange), stops at the first failed write, then reads to the end.
     */
    private static String readToEnd(Socket socket, OutputStream out, byte[] more) throws IOException {
        try {
            for (int sent = 0; sent < 1 << 20; sent += more.length) {
                out.write(more);
                out.flush();
            }
        } catch (SocketException closed) {
            // the server closed the connection: read what it said
        }
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException reset) {
                break;
            }
            if (n < 0) {
                break;
            }
            answer.write(buffer, 0, n);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** One response: headers and a Content-Length body. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
