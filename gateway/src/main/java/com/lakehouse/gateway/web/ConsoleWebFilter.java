package com.lakehouse.gateway.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import com.lakehouse.gateway.console.ConsolePaths;
import com.lakehouse.gateway.console.SecurityHeaders;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Serves the console's files (GET and HEAD on {@link ConsolePaths}) with {@link SecurityHeaders}.
 *
 * <p>It runs after the IP allowlist and before the bearer check, because the files are open: they
 * hold no data, and the page has to load before it can ask for the token that every {@code /v1}
 * call then carries. A path that climbs ({@code ..}, also encoded) is a 400, as Tomcat refused it.
 */
public final class ConsoleWebFilter implements WebFilter, Ordered {

    /** Between the IP allowlist (+10) and the bearer check (+20). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 15;

    private static final PathPattern ANY_FILE = PathPatternParser.defaultInstance.parse("/**");

    private final Map<ConsolePaths.Source, ResourceWebHandler> handlers;

    public ConsoleWebFilter(Map<ConsolePaths.Source, ResourceWebHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        String path = request.getURI().getRawPath();
        ConsolePaths.Target target = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                ? ConsolePaths.resolve(path) : null;
        if (target == null) {
            return chain.filter(exchange);
        }
        if (ConsolePaths.climbs(path)) {
            return Mono.error(new InvalidRequestException("'.' and '..' path segments are not allowed"));
        }
        SecurityHeaders.apply(exchange.getResponse().getHeaders());
        exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ANY_FILE);
        exchange.getAttributes().put(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE,
                PathContainer.parsePath(target.file()));
        return handlers.get(target.source()).handle(exchange)
                .onErrorResume(ResponseStatusException.class, e -> e.getStatusCode().value() == 404
                        ? ProblemWriter.write(exchange.getResponse(), HttpStatus.NOT_FOUND, "no console file " + path)
                        : Mono.error(e));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
