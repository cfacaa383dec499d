package com.lakehouse.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the client of a request has closed its connection while the request still runs. The
 * servlet container notices a closed connection only when it writes, and a request that waits
 * (a query, a proxied request waiting for its upstream) writes nothing until it ends; so the state of
 * the TCP connection is read from the kernel's table ({@code /proc/net/tcp} and {@code tcp6}), found
 * by the connection's two ports. The client has gone when the connection is in CLOSE_WAIT (it sent
 * FIN), closing, or no longer listed (it sent RST). Where the table cannot be read (not Linux) the
 * answer is always "still there".
 *
 * <p>Used by queryd, which polls one request's connection while its statement runs. (The gateway,
 * on Reactor Netty, sees its callers hang up from the event loop and needs none of this.)
 */
public final class ClientConnection {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** Kernel TCP states after the peer closed: CLOSE_WAIT, LAST_ACK, CLOSE, CLOSING. */
    private static final Set<String> PEER_CLOSED = Set.of("08", "09", "07", "0B");

    /** A connection as the server side sees it: its own port and the client's. */
    public record Ports(int local, int remote) {
    }

    private ClientConnection() {
    }

    /** The two ports of {@code request}'s connection; empty where the container does not know them. */
    public static Optional<Ports> portsOf(HttpServletRequest request) {
        int local = request.getLocalPort();
        int remote = request.getRemotePort();
        return local > 0 && remote > 0 ? Optional.of(new Ports(local, remote)) : Optional.empty();
    }

    /** A check of {@code request}'s connection, cheap enough to call a few times a second. */
    public static BooleanSupplier of(HttpServletRequest request) {
        Optional<Ports> ports = portsOf(request);
        if (ports.isEmpty()) {
            return () -> false;
        }
        Ports p = ports.get();
        return () -> gone(p.local(), p.remote());
    }

    public static boolean gone(int localPort, int remotePort) {
        Ports ports = new Ports(localPort, remotePort);
        return gone(List.of(ports)).contains(ports);
    }

    /** Which of {@code connections} have lost their client, from one read of the kernel's tables. */
    public static Set<Ports> gone(Collection<Ports> connections) {
        List<String> lines = new ArrayList<>();
        boolean readable = false;
        for (Path table : TABLES) {
            Optional<List<String>> read = read(table);
            if (read.isPresent()) {
                readable = true;
                lines.addAll(read.get());
            }
        }
        if (!readable || connections.isEmpty()) {
            return Set.of();
        }
        Map<Ports, String> states = statesOf(lines);
        Set<Ports> gone = new HashSet<>();
        for (Ports ports : connections) {
            String state = states.get(ports);
            if (state == null || PEER_CLOSED.contains(state)) {
                gone.add(ports);
            }
        }
        return gone;
    }

    /** The state (two hex digits) of the connection between the two ports, as one table lists it. */
    public static Optional<String> stateOf(List<String> table, int localPort, int remotePort) {
        return Optional.ofNullable(statesOf(table).get(new Ports(localPort, remotePort)));
    }

    /** Every listed connection's state by its two ports (the first listing wins). */
    private static Map<Ports, String> statesOf(List<String> table) {
        Map<Ports, String> states = new HashMap<>();
        for (String line : table) {
            String[] f = line.trim().split("\\s+");
            if (f.length <= 3) {
                continue;
            }
            int local = portOf(f[1]);
            int remote = portOf(f[2]);
            if (local >= 0 && remote >= 0) {
                states.putIfAbsent(new Ports(local, remote), f[3]);
            }
        }
        return states;
    }

    /** The port of an {@code ADDRESS:PORT} field (both hex), or -1 for the header line. */
    private static int portOf(String field) {
        int colon = field.lastIndexOf(':');
        if (colon < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<List<String>> read(Path table) {
        try {
            return Optional.of(Files.readAllLines(table, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
