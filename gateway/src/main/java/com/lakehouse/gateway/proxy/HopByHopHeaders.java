package com.lakehouse.gateway.proxy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * RFC 9110 §7.6.1: a proxy drops the connection-specific fields in both directions: {@code Connection}
 * itself, every field {@code Connection} names, and the fields that only ever describe one hop
 * ({@code Keep-Alive}, {@code Proxy-Connection}, {@code Proxy-Authenticate}, {@code Proxy-Authorization},
 * {@code TE}, {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}). Spring Cloud Gateway's own
 * filter drops a fixed list but not the fields {@code Connection} names, so this one runs first,
 * while {@code Connection} is still there to read. End-to-end fields ({@code Authorization},
 * {@code Range}, {@code ETag}, {@code Content-Type}, {@code Content-Length}) are kept.
 */
public final class HopByHopHeaders {

    /** Ahead of Spring Cloud Gateway's filters, which drop {@code Connection} without reading it. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHopHeaders() {
    }

    /** A copy of {@code input} without its hop-by-hop fields. */
    public static HttpHeaders strip(HttpHeaders input) {
        Set<String> drop = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        drop.addAll(ALWAYS);
        for (String value : input.getValuesAsList(HttpHeaders.CONNECTION)) {
            drop.add(value.trim().toLowerCase(Locale.ROOT));
        }
        HttpHeaders out = new HttpHeaders();
        for (var entry : input.headerSet()) {
            if (!drop.contains(entry.getKey())) {
                out.addAll(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    /** The rule on the way to the upstream. */
    public static final class OnRequest implements RequestHttpHeadersFilter, Ordered {
        @Override
        public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
            return strip(input);
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }

    /** The rule on the way back to the caller. */
    public static final class OnResponse implements ResponseHttpHeadersFilter, Ordered {
        @Override
        public HttpHeaders apply(HttpHeaders input, ServerResponse response) {
            return strip(input);
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
