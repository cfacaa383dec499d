package com.lakehouse.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.auth.BearerTokens;

/**
 * SPEC §2.3 bearer check on the reactive stack: the same rules as shared-service's servlet
 * {@code BearerTokenFilter}, through the same {@link BearerTokens} (digest comparison, the open
 * health paths, the refusal's wording). A refused request's body is never read.
 */
public final class BearerTokenWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private final BearerTokens tokens;

    public BearerTokenWebFilter(AuthPolicy policy) {
        this.tokens = new BearerTokens(policy);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (admits(request)) {
            return chain.filter(exchange);
        }
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        RefusedBodies.announceClose(exchange);
        return ProblemWriter.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, BearerTokens.refusal(header));
    }

    /** Whether the request needs no token or carries a valid one; the proxy asks it too. */
    public boolean admits(ServerHttpRequest request) {
        if (!tokens.required() || BearerTokens.isOpen(request.getPath().value(), request.getMethod().name())) {
            return true;
        }
        return tokens.actorOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isPresent();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
