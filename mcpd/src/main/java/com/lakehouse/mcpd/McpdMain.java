package com.lakehouse.mcpd;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

/**
 * {@code mcpd --gateway URL [--token-env NAME]}: the Lakehouse as an MCP server over stdio.
 * A plain main, no Spring: there is no port, and stdout must carry nothing but JSON-RPC.
 */
public final class McpdMain {

    /** Long enough for a 30 s query or a big embed batch behind the gateway. */
    static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(120);
    /** How long in-flight answers may still be written after stdin closes; the exit stays under 1 s. */
    static final Duration CLOSE_GRACE = Duration.ofMillis(300);
    /** Longest JSON-RPC line accepted (the SDK's own default). */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int PIPE_BYTES = 1 << 16;

    private McpdMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        // Keep the real stdout for the protocol; anything else that prints goes to stderr.
        PrintStream protocolOut = System.out;
        System.setOut(System.err);

        McpdArguments arguments;
        try {
            arguments = McpdArguments.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("mcpd: " + e.getMessage());
            System.err.println(McpdArguments.USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.err.println(McpdArguments.USAGE);
            return;
        }
        System.exit(serve(arguments, protocolOut));
    }

    private static int serve(McpdArguments arguments, PrintStream protocolOut) throws InterruptedException, IOException {
        Logger log = LoggerFactory.getLogger(McpdMain.class);
        CountDownLatch stdinClosed = new CountDownLatch(1);
        McpJsonMapper json = McpJsonDefaults.getMapper();
        GatewayClient gateway = new GatewayClient(arguments.gateway(), arguments.token(), GATEWAY_TIMEOUT);
        PipedOutputStream toTransport = new PipedOutputStream();
        PipedInputStream transportIn = new PipedInputStream(toTransport, PIPE_BYTES);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, transportIn, protocolOut,
                MAX_MESSAGE_BYTES);
        McpSyncServer server = McpdServer.start(transport, json, McpdServer.tools(gateway));
        Thread.ofPlatform().name("stdin").daemon().start(new InboundLines(new FileInputStream(FileDescriptor.in),
                toTransport, protocolOut, json, MAX_MESSAGE_BYTES, stdinClosed::countDown));
        log.info("mcpd serving over stdio; gateway {}, token {}", arguments.gateway(),
                arguments.token().isPresent() ? "from $" + arguments.tokenEnv() : "not set ($" + arguments.tokenEnv() + " empty)");

        stdinClosed.await();
        log.info("stdin closed; exiting");
        Thread closer = Thread.ofPlatform().daemon().start(server::closeGracefully);
        closer.join(CLOSE_GRACE);
        return 0;
    }
}
