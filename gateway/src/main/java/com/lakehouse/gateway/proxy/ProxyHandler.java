package com.lakehouse.gateway.proxy;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * The route table of SPEC §1 at the edge, ahead of WebFlux's own handler: a request whose raw path
 * belongs to a route, and that the edge's auth admits, goes straight to that route's upstream;
 * everything else goes to WebFlux (health, the console, the 404 of a path no one serves, and the
 * 401/403 its auth filters write for a request they refuse).
 *
 * <p>It is an {@link HttpHandler} decorating WebFlux's, not a {@code WebFilter}: a proxied request
 * then costs no {@code ServerWebExchange}, no filter chain and no exception-handling chain, which
 * was a fifth of the gateway's CPU per small proxied GET (docs/BENCHMARKS.md, "The edge"). The
 * price is that a failure of the forwarding itself (400 for a dot segment, 502, 504) is written
 * here by the same problem writer the WebFlux handler uses.
 *
 * <p>Like WebFlux's own adapter, it ends every proxied exchange with {@code setComplete()}: that is
 * what commits the status. For a HEAD, Spring's server adapter hands this handler an
 * {@code HttpHeadResponseDecorator}, whose {@code writeWith} drops the (empty) body without
 * committing; the header fields, live on Netty's response, went out anyway, but the status set here
 * did not, and Reactor Netty answered its default 200 (a HEAD of an unknown Iceberg table came back
 * 200 with catalogd's 404 fields). Once a body has been written the call does nothing.
 */
public final class ProxyHandler implements HttpHandler {

    /** One route with its exchange. */
    public record Entry(ProxyRoute route, UpstreamExchange exchange) {
    }

    private final List<Entry> routes;
    private final Predicate<ServerHttpRequest> admitted;
    private final BiFunction<ServerHttpResponse, Throwable, Mono<Void>> problems;
    private final HttpHandler webFlux;

    /**
     * @param routes   the route table, in order
     * @param admitted whether the edge's auth (allowlist, bearer token) lets a request through; a
     *                 request it does not goes to {@code webFlux}, whose filters refuse it
     * @param problems writes a failure as problem+json (or passes it on once the answer has begun)
     * @param webFlux  WebFlux's handler, for everything that is not proxied
     */
    public ProxyHandler(List<Entry> routes, Predicate<ServerHttpRequest> admitted,
            BiFunction<ServerHttpResponse, Throwable, Mono<Void>> problems, HttpHandler webFlux) {
        this.routes = List.copyOf(routes);
        this.admitted = admitted;
        this.problems = problems;
        this.webFlux = webFlux;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        String rawPath = request.getURI().getRawPath();
        if (rawPath != null && rawPath.startsWith(ProxyRoute.EDGE_PREFIX + "/")) {
            for (Entry entry : routes) {
                if (entry.route().matches(rawPath)) {
                    if (!admitted.test(request)) {
                        break;
                    }
                    return Mono.defer(() -> entry.exchange().forward(request, response,
                                    ProxyTarget.resolve(entry.route(), rawPath, request.getURI().getRawQuery())))
                            .then(Mono.defer(response::setComplete))
                            .onErrorResume(error -> problems.apply(response, error));
                }
            }
        }
        return webFlux.handle(request, response);
    }
}
