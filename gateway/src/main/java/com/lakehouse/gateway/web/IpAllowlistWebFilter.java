package com.lakehouse.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.auth.BearerTokens;
import com.lakehouse.shared.auth.CidrBlock;

/**
 * SPEC §2.3 allowlist on the reactive stack (shared-service's {@code IpAllowlistFilter} on a servlet
 * one): a source address outside every configured block gets 403. A refused request's body is not
 * read: the answer says {@code Connection: close} and the connection ends after it.
 */
public final class IpAllowlistWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final List<CidrBlock> allowlist;

    public IpAllowlistWebFilter(AuthPolicy policy) {
        this.allowlist = policy.allowlist();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (admits(request)) {
            return chain.filter(exchange);
        }
        RefusedBodies.announceClose(exchange);
        return ProblemWriter.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
                "source address " + remote(request) + " is not in the allowlist");
    }

    /** Whether the request passes the allowlist (always, when none is configured); the proxy asks it too. */
    public boolean admits(ServerHttpRequest request) {
        if (allowlist.isEmpty() || BearerTokens.isOpen(request.getPath().value(), request.getMethod().name())) {
            return true;
        }
        String remote = remote(request);
        for (CidrBlock block : allowlist) {
            if (block.contains(remote)) {
                return true;
            }
        }
        return false;
    }

    private static String remote(ServerHttpRequest request) {
        InetSocketAddress remoteAddress = request.getRemoteAddress();
        return remoteAddress == null || remoteAddress.getAddress() == null ? ""
                : remoteAddress.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
