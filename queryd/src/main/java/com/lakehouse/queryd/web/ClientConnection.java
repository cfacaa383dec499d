package com.lakehouse.queryd.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the client of a request has closed its connection while the request still runs. The
 * servlet container notices a closed connection only when it writes, and a query writes nothing
 * until it ends; so the state of the TCP connection is read from the kernel's table
 * ({@code /proc/net/tcp} and {@code tcp6}), found by the connection's two ports. The client has
 * gone when the connection is in CLOSE_WAIT (it sent FIN), closing, or no longer listed (it sent
 * RST). Where the table cannot be read (not Linux) the answer is always "still there".
 */
final class ClientConnection {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** Kernel TCP states after the peer closed: CLOSE_WAIT, LAST_ACK, CLOSE, CLOSING. */
    private static final List<String> PEER_CLOSED = List.of("08", "09", "07", "0B");

    private ClientConnection() {
    }

    /** A check of {@code request}'s connection, cheap enough to call a few times a second. */
    static BooleanSupplier of(HttpServletRequest request) {
        int local = request.getLocalPort();
        int remote = request.getRemotePort();
        if (local <= 0 || remote <= 0) {
            return () -> false;
        }
        return () -> gone(local, remote);
    }

    static boolean gone(int localPort, int remotePort) {
        boolean readable = false;
        for (Path table : TABLES) {
            Optional<List<String>> lines = read(table);
            if (lines.isEmpty()) {
                continue;
            }
            readable = true;
            Optional<String> state = stateOf(lines.get(), localPort, remotePort);
            if (state.isPresent()) {
                return PEER_CLOSED.contains(state.get());
            }
        }
        return readable;
    }

    /** The state (two hex digits) of the connection between the two ports, as one table lists it. */
    static Optional<String> stateOf(List<String> table, int localPort, int remotePort) {
        String local = String.format(":%04X", localPort);
        String remote = String.format(":%04X", remotePort);
        for (String line : table) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                return Optional.of(f[3]);
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> read(Path table) {
        try {
            return Optional.of(Files.readAllLines(table, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
