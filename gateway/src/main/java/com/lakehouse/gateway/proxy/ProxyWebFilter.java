package com.lakehouse.gateway.proxy;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The route table of SPEC §1 at the edge: a request whose raw path belongs to a route goes to that
 * route's upstream; everything else continues to the gateway's own handlers (health, the console,
 * and the 404 of a path no one serves). It is a filter, not a handler mapping, so a proxied request
 * costs no handler lookup; it runs after the allowlist and bearer checks.
 */
public final class ProxyWebFilter implements WebFilter, Ordered {

    /** After the shared allowlist and bearer filters (see GatewayConfiguration). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    /** One route with its exchange. */
    public record Entry(ProxyRoute route, UpstreamExchange exchange) {
    }

    private final List<Entry> routes;

    public ProxyWebFilter(List<Entry> routes) {
        this.routes = List.copyOf(routes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String rawPath = request.getURI().getRawPath();
        if (rawPath.startsWith(ProxyRoute.EDGE_PREFIX + "/")) {
            for (Entry entry : routes) {
                if (entry.route().matches(rawPath)) {
                    return Mono.defer(() -> entry.exchange().forward(exchange,
                            ProxyTarget.resolve(entry.route(), rawPath, request.getURI().getRawQuery())));
                }
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
