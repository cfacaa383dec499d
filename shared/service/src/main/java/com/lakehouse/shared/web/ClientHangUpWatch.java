package com.lakehouse.shared.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action when the client of a waiting request hangs up. One daemon thread wakes every
 * {@code every}; if some watched request has waited at least {@code after}, it reads the kernel's TCP
 * table once ({@link ClientConnection}) and, for each such request whose client has gone, runs its
 * action once and stops watching it. A request that ends sooner costs a map insert and removal and
 * never a read of the table; with nothing watched for long the thread only sleeps.
 *
 * <p>The gateway uses it to abort its upstream request, so the upstream sees its own client go away.
 */
public final class ClientHangUpWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHangUpWatch.class);

    private final long afterNanos;
    private final long everyMillis;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    /**
     * @param after how long a request waits before its connection is first checked
     * @param every how often the waiting requests' connections are checked
     */
    public ClientHangUpWatch(Duration after, Duration every) {
        this.afterNanos = after.toNanos();
        this.everyMillis = Math.max(1, every.toMillis());
        this.thread = Thread.ofPlatform().daemon().name("client-hang-up-watch").unstarted(this::loop);
        this.thread.start();
    }

    /** A watch that is no longer needed; closing it twice is harmless. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Watches {@code request}'s connection until the returned watch is closed; {@code onHangUp} runs
     * at most once, on the watcher's thread, and must not block.
     */
    public Watch watch(HttpServletRequest request, Runnable onHangUp) {
        Optional<ClientConnection.Ports> ports = ClientConnection.portsOf(request);
        if (ports.isEmpty()) {
            return () -> { };
        }
        Watched entry = new Watched(ports.get(), System.nanoTime(), onHangUp);
        watched.add(entry);
        return () -> watched.remove(entry);
    }

    /** How many requests are watched now (for tests and stats). */
    public int watching() {
        return watched.size();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            }
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("client hang-up check failed: {}", e.toString());
            }
        }
    }

    private void check() {
        long now = System.nanoTime();
        List<Watched> due = new ArrayList<>();
        for (Watched entry : watched) {
            if (now - entry.since() >= afterNanos) {
                due.add(entry);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        Set<ClientConnection.Ports> gone = ClientConnection.gone(due.stream().map(Watched::ports).toList());
        for (Watched entry : due) {
            if (gone.contains(entry.ports()) && watched.remove(entry)) {
                try {
                    entry.onHangUp().run();
                } catch (RuntimeException e) {
                    LOG.warn("client hang-up action failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** Identity, not value, equality: two requests may come over one connection, one after the other. */
    private static final class Watched {
        private final ClientConnection.Ports ports;
        private final long since;
        private final Runnable onHangUp;

        Watched(ClientConnection.Ports ports, long since, Runnable onHangUp) {
            this.ports = ports;
            this.since = since;
            this.onHangUp = onHangUp;
        }

        ClientConnection.Ports ports() {
            return ports;
        }

        long since() {
            return since;
        }

        Runnable onHangUp() {
            return onHangUp;
        }
    }
}
