package com.lakehouse.gateway.proxy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;

import com.lakehouse.shared.error.LakehouseException;

/**
 * One route's exchange with its upstream over Reactor Netty's pooled client: the caller's request
 * goes up with its raw target, its end-to-end fields and its body as it arrives; the answer comes
 * back with its status, end-to-end fields and body as it arrives. Nothing is held beyond Netty's
 * own buffers but a body of at most {@link #SENT_AT_ONCE} (sent up whole with its head, one write)
 * and the first {@link SmallAnswers#WHOLE_UP_TO} bytes of an answer (an answer that ends within
 * them goes back whole, one write), and back-pressure holds each side to the other's pace, so a
 * 1 GiB body passes through a small heap.
 *
 * <p>A route's timeout is how long its upstream may stay silent: until the response head arrives,
 * and then between any two reads of the body, as nginx's {@code proxy_read_timeout} works, counted
 * from the start of the exchange. It is a {@link ReadTimeoutHandler} installed once on each upstream
 * connection and restarted by each exchange (Reactor Netty's per-request response timeout adds and
 * removes a handler and a timer on every exchange); each upstream has one timeout, since routes to
 * the same service share theirs.
 *
 * <p>A body past {@link #SENT_AT_ONCE} (or of unknown length) goes upstream behind {@code Expect:
 * 100-continue}: the service sees the head first, so its early 413 (or 401) reaches the caller at
 * once and the gateway never streams a body the service would refuse. Whatever the caller still
 * sends of a refused body is then read and dropped (up to {@link #DRAIN_LIMIT}) before the exchange
 * ends, as Tomcat swallows it: closing a connection with unread bytes in it resets it, and a reset can
 * destroy the answer before the caller has read it.
 *
 * <p>A caller that hangs up cancels the exchange, and a cancelled exchange closes its upstream
 * connection: the upstream sees its own client go (queryd cancels the statement).
 */
public final class UpstreamExchange {

    /** Bodies up to this size are sent with their head, as a client sends them. */
    static final long SENT_AT_ONCE = 64 * 1024;
    /** The most of a refused body the gateway reads and drops to keep the connection's answer intact. */
    static final long DRAIN_LIMIT = 1L << 30;
    /** The name of the per-connection silence handler in an upstream connection's pipeline. */
    private static final String SILENCE = "lakehouse.upstream-silence";

    private final ProxyRoute route;
    private final UpstreamClients clients;
    private final Map<Object, HttpClient> byLoop = new ConcurrentHashMap<>();
    private final long silence;

    /**
     * @param route   the route, for its upstream's name and timeout
     * @param clients the pooled clients every route shares, one per event loop; this exchange adds the route's timeout
     */
    public UpstreamExchange(ProxyRoute route, UpstreamClients clients) {
        this.route = route;
        this.clients = clients;
        this.silence = route.timeout().toMillis();
    }

    /** The route's client on the loop that serves {@code request} (see {@link UpstreamClients}). */
    private HttpClient client(ServerHttpRequest request) {
        EventLoop loop = ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection
                ? connection.channel().eventLoop() : null;
        HttpClient client = byLoop.get(loop == null ? this : loop);
        return client != null ? client : byLoop.computeIfAbsent(loop == null ? this : loop, key -> withSilence(clients.on(loop)));
    }

    /**
     * Once per upstream connection, not per request: a handler at the head of the pipeline sees
     * every read, and fails the exchange in flight when none came for the route's timeout. Each
     * exchange restarts its clock, so a pooled connection's idle time never counts against it.
     */
    private HttpClient withSilence(HttpClient shared) {
        return shared
                .doOnChannelInit((observer, channel, address) -> channel.pipeline()
                        .addFirst(SILENCE, new ReadTimeoutHandler(silence, TimeUnit.MILLISECONDS)))
                .doOnRequest((request, connection) -> {
                    if (connection.channel().pipeline().get(SILENCE) instanceof ReadTimeoutHandler handler) {
                        handler.resetReadTimeout();
                    }
                });
    }

    /** Forwards {@code request} to {@code target} and writes the answer to {@code response}. */
    public Mono<Void> forward(ServerHttpRequest request, ServerHttpResponse response, URI target) {
        HttpHeaders caller = request.getHeaders();
        boolean hasBody = hasBody(caller);
        boolean expectContinue = announcesLargeBody(caller);
        AtomicBoolean bodySent = new AtomicBoolean(!hasBody);
        NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
        HttpClient.RequestSender sender = client(request)
                .headers(out -> {
                    forwardable(caller).forEach(out::add);
                    if (expectContinue) {
                        out.set(HttpHeaders.EXPECT, "100-continue");
                    }
                })
                .request(HttpMethod.valueOf(request.getMethod().name()))
                .uri(target);
        HttpClient.ResponseReceiver<?> receiver = !hasBody ? sender
                : expectContinue
                        ? sender.send((upstream, out) -> out.send(request.getBody()
                                .map(NettyDataBufferFactory::toByteBuf)
                                .doOnComplete(() -> bodySent.set(true))))
                        // a small body goes up whole with its head: one write, not a head and then a body
                        : sender.send((upstream, out) -> out.send(DataBufferUtils.join(request.getBody(), (int) SENT_AT_ONCE)
                                .map(NettyDataBufferFactory::toByteBuf)
                                .doOnSuccess(body -> bodySent.set(true))));
        return receiver.response((upstream, body) -> {
                    response.setStatusCode(HttpStatusCode.valueOf(upstream.status().code()));
                    io.netty.handler.codec.http.HttpHeaders answer = upstream.responseHeaders();
                    Predicate<String> hopByHop = HopByHopHeaders.namedBy(answer.getAll(HttpHeaders.CONNECTION));
                    HttpHeaders out = response.getHeaders();
                    for (Map.Entry<String, String> field : answer) {
                        if (!hopByHop.test(field.getKey())) {
                            out.add(field.getKey(), field.getValue());
                        }
                    }
                    boolean bodiless = bodiless(request, upstream.status().code());
                    if (bodiless && !answer.contains(HttpHeaders.TRANSFER_ENCODING)) {
                        // Reactor Netty starts every answer with "Transfer-Encoding: chunked"; a HEAD or 304
                        // it commits without a body keeps it, announcing a chunked body the upstream never framed
                        out.remove(HttpHeaders.TRANSFER_ENCODING);
                    }
                    Mono<Void> written = bodiless
                            ? response.writeWith(body.retain().map(buffers::wrap))
                            : SmallAnswers.write(body.retain(), response, buffers);
                    return written.then(Mono.defer(() -> bodySent.get() ? Mono.empty() : drain(request)));
                })
                .then()
                .onErrorMap(error -> !(error instanceof LakehouseException),
                        error -> UpstreamFailures.translate(route.upstream(), route.timeout(), error));
    }

    /**
     * The caller's fields that go upstream: not hop-by-hop ({@link HopByHopHeaders}), not the
     * fleet's own ({@link FleetOnlyHeaders}), no client-sent {@code Forwarded} ({@link ForwardedHeaders}),
     * and not {@code Host}: the upstream is addressed by its own host and port, as a client of it would.
     */
    static Map<String, List<String>> forwardable(HttpHeaders caller) {
        Predicate<String> hopByHop = HopByHopHeaders.namedBy(caller.getValuesAsList(HttpHeaders.CONNECTION));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : caller.headerSet()) {
            String name = field.getKey();
            if (!hopByHop.test(name) && !FleetOnlyHeaders.isFleetOnly(name) && !ForwardedHeaders.isForwarded(name)
                    && !HttpHeaders.HOST.equalsIgnoreCase(name)) {
                out.put(name, field.getValue());
            }
        }
        return out;
    }

    /**
     * A body follows the head when the caller declared a length above zero or sent it chunked
     * (RFC 9112 §6.3); a GET without either has none, and none is sent on.
     */
    static boolean hasBody(HttpHeaders caller) {
        return caller.getContentLength() > 0 || caller.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** An answer that has no body whatever its fields say (RFC 9110 §6.4.1): to a HEAD, or 1xx, 204, 304. */
    static boolean bodiless(ServerHttpRequest request, int status) {
        return org.springframework.http.HttpMethod.HEAD.equals(request.getMethod()) || status < 200 || status == 204 || status == 304;
    }

    static boolean announcesLargeBody(HttpHeaders caller) {
        long length = caller.getContentLength();
        return length > SENT_AT_ONCE || (length < 0 && caller.containsHeader(HttpHeaders.TRANSFER_ENCODING));
    }

    /** Reads and drops what is left of a body the upstream answered without reading. */
    private static Mono<Void> drain(ServerHttpRequest request) {
        AtomicLong read = new AtomicLong();
        return request.getBody()
                .takeWhile(buffer -> read.addAndGet(buffer.readableByteCount()) <= DRAIN_LIMIT || release(buffer))
                .doOnNext(DataBufferUtils::release)
                .then()
                .onErrorResume(error -> Mono.empty());
    }

    private static boolean release(org.springframework.core.io.buffer.DataBuffer buffer) {
        DataBufferUtils.release(buffer);
        return false;
    }

    @Override
    public String toString() {
        return "proxy " + route.edgePattern() + " -> " + route.upstream().name();
    }
}
