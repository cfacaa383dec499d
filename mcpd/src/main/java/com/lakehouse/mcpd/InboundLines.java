package com.lakehouse.mcpd;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Reads stdin line by line and hands the SDK's stdio transport only lines it can take. The
 * transport stops reading for good at the first blank, malformed or oversized line, which would
 * leave a live process that no longer answers; here such a line gets a JSON-RPC error
 * ({@code -32700} parse error, {@code -32600} invalid request) and the session goes on. The real
 * end of stdin is seen here too, whatever state the transport is in, and reported to
 * {@link McpdMain} so the process exits.
 */
final class InboundLines implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InboundLines.class);

    private static final TypeRef<Map<String, Object>> MESSAGE = new TypeRef<>() { };

    private final InputStream stdin;
    private final OutputStream toTransport;
    private final OutputStream protocolOut;
    private final McpJsonMapper json;
    private final int maxLineBytes;
    private final Runnable onEnd;

    /**
     * @param protocolOut the stream the transport writes to; error replies lock it as the transport
     *                    does, so a reply never interleaves with a message
     */
    InboundLines(InputStream stdin, OutputStream toTransport, OutputStream protocolOut, McpJsonMapper json,
                 int maxLineBytes, Runnable onEnd) {
        this.stdin = stdin;
        this.toTransport = toTransport;
        this.protocolOut = protocolOut;
        this.json = json;
        this.maxLineBytes = maxLineBytes;
        this.onEnd = onEnd;
    }

    @Override
    public void run() {
        try {
            LineReader lines = new LineReader(stdin, maxLineBytes);
            for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.oversized()) {
                    reply(null, McpSchema.ErrorCodes.INVALID_REQUEST, "message longer than " + maxLineBytes + " bytes");
                } else if (!line.text().isBlank()) {
                    forward(line.text());
                }
            }
        } catch (IOException e) {
            log.info("stdin or transport closed: {}", e.getMessage());
        } finally {
            closeQuietly(toTransport);
            onEnd.run();
        }
    }

    private void forward(String line) throws IOException {
        Map<String, Object> message;
        try {
            message = json.readValue(line, MESSAGE);
        } catch (IOException | RuntimeException e) {
            reply(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: not a JSON object");
            return;
        }
        try {
            McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            Object id = message.get("id");
            if (message.containsKey("method") && id == null) {
                log.info("dropped a malformed notification");
                return;
            }
            reply(id instanceof String || id instanceof Number ? id : null, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
            return;
        }
        toTransport.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toTransport.flush();
    }

    private void reply(Object id, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", "2.0");
        response.put("id", id);
        response.put("error", error);
        byte[] bytes = (json.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (protocolOut) {
            protocolOut.write(bytes);
            protocolOut.flush();
        }
        log.info("answered an unusable message with error {}: {}", code, message);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            log.debug("closing the transport pipe", e);
        }
    }

    /** Newline-delimited lines, each read up to a byte limit (the rest of a longer line is skipped). */
    static final class LineReader {

        record Line(String text, boolean oversized) {
        }

        private final InputStream in;
        private final int maxBytes;

        LineReader(InputStream in, int maxBytes) {
            this.in = new BufferedInputStream(in);
            this.maxBytes = maxBytes;
        }

        /** The next line without its terminator, or {@code null} at the end of input. */
        Line next() throws IOException {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            boolean oversized = false;
            int b = in.read();
            if (b == -1) {
                return null;
            }
            while (b != -1 && b != '\n') {
                if (buffer.size() < maxBytes) {
                    buffer.write(b);
                } else {
                    oversized = true;
                }
                b = in.read();
            }
            String text = buffer.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            return new Line(text, oversized);
        }
    }
}
