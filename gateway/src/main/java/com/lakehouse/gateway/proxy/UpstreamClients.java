package com.lakehouse.gateway.proxy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.channel.EventLoop;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The upstream clients, one per server event loop, each with its own connection pool whose
 * connections live on that loop: a request read on a loop goes up, and its answer comes back, on
 * the same thread. One shared pool hands a request a connection of any loop, and then every write
 * and every read crosses threads (a task queued and a loop woken, each way, on every exchange).
 */
public final class UpstreamClients implements AutoCloseable {

    private final Supplier<ConnectionProvider> pools;
    private final Function<ConnectionProvider, HttpClient> configure;
    private final Map<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final List<ConnectionProvider> made = new CopyOnWriteArrayList<>();
    private final HttpClient anyLoop;

    /**
     * @param pools     makes one loop's pool
     * @param configure the client's options over a pool
     */
    public UpstreamClients(Supplier<ConnectionProvider> pools, Function<ConnectionProvider, HttpClient> configure) {
        this.pools = pools;
        this.configure = configure;
        this.anyLoop = configure.apply(pool());
    }

    /** The client whose connections live on {@code loop}; with {@code null}, one on Reactor Netty's own loops. */
    public HttpClient on(EventLoop loop) {
        return loop == null ? anyLoop : byLoop.computeIfAbsent(loop, l -> configure.apply(pool()).runOn(l));
    }

    private ConnectionProvider pool() {
        ConnectionProvider pool = pools.get();
        made.add(pool);
        return pool;
    }

    @Override
    public void close() {
        made.forEach(ConnectionProvider::dispose);
    }
}
