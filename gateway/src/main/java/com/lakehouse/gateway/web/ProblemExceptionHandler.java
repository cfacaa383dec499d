package com.lakehouse.gateway.web;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

import com.lakehouse.shared.error.LakehouseException;
import com.lakehouse.shared.web.ProblemStatusTable;

/**
 * Every failure as problem+json (SPEC §2), the reactive counterpart of shared-service's
 * {@code ProblemAdvice}: WebFlux's own exceptions (no route, wrong method, unreadable input) keep their
 * statuses; the fleet's exceptions get theirs from the {@link ProblemStatusTable}; anything else is a
 * 500 whose detail says nothing about the internals. It runs ahead of Boot's error handler.
 */
public final class ProblemExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Log LOG = LogFactory.getLog(ProblemExceptionHandler.class);

    private final ProblemStatusTable table;

    public ProblemExceptionHandler(ProblemStatusTable table) {
        this.table = table;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return handle(exchange.getResponse(), error);
    }

    /**
     * Writes {@code error} as problem+json to {@code response}; once the answer has begun, passes the
     * error on (the connection then ends). The proxy, which runs ahead of WebFlux, answers through it too.
     */
    public Mono<Void> handle(ServerHttpResponse response, Throwable error) {
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        response.getHeaders().clear();
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            rse.getHeaders().forEach(response.getHeaders()::put);
            String reason = rse.getReason() == null ? status.getReasonPhrase() : rse.getReason();
            return ProblemWriter.write(response, status, reason);
        }
        HttpStatus status = table.statusOf(error).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("unhandled " + error.getClass().getSimpleName(), error);
            return ProblemWriter.write(response, status, "internal error; see the service log");
        }
        if (status.is5xxServerError()) {
            LOG.warn(status.value() + " " + error.getMessage());
        }
        Map<String, Object> details = Map.of();
        if (error instanceof LakehouseException le) {
            details = le.details();
            le.headers().forEach(response.getHeaders()::set);
        }
        return ProblemWriter.write(response, status, error.getMessage(), details);
    }

    /** Ahead of Boot's {@code DefaultErrorWebExceptionHandler} (-1) and WebFlux's own (0). */
    @Override
    public int getOrder() {
        return -2;
    }
}
