package com.lakehouse.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.lakehouse.shared.web.ProblemTypes;

/**
 * Writes an RFC 9457 problem+json answer on the reactive stack, in the shape shared-service's
 * {@code ProblemResponses} and {@code ProblemAdvice} give every other service: type, title, status,
 * detail, then the exception's own members (such as {@code upstream}).
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail) {
        return write(response, status, detail, Map.of());
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.of(status).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.putAll(extra);
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A length, not chunks: the answer is complete on the wire even when the connection is then dropped.
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }
}
