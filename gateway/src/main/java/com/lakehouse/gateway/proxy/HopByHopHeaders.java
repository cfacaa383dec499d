package com.lakehouse.gateway.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;

/**
 * RFC 9110 §7.6.1: a proxy drops the connection-specific fields in both directions: {@code Connection}
 * itself, every field {@code Connection} names, and the fields that only ever describe one hop
 * ({@code Keep-Alive}, {@code Proxy-Connection}, {@code Proxy-Authenticate}, {@code Proxy-Authorization},
 * {@code TE}, {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}). End-to-end fields
 * ({@code Authorization}, {@code Range}, {@code ETag}, {@code Content-Type}, {@code Content-Length})
 * are kept. {@link UpstreamExchange} applies it to the request on the way up and to the answer on
 * the way back.
 */
public final class HopByHopHeaders {

    private static final Set<String> ALWAYS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        ALWAYS.addAll(List.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
                "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"));
    }

    private HopByHopHeaders() {
    }

    /** A copy of {@code input} without its hop-by-hop fields. */
    public static HttpHeaders strip(HttpHeaders input) {
        Predicate<String> hopByHop = namedBy(input.getValuesAsList(HttpHeaders.CONNECTION));
        HttpHeaders out = new HttpHeaders();
        for (var entry : input.headerSet()) {
            if (!hopByHop.test(entry.getKey())) {
                out.addAll(entry.getKey(), entry.getValue());
            }
        }
        return out;
    }

    /**
     * Which field names are hop-by-hop in a message whose {@code Connection} values are
     * {@code connection} (comma-separated tokens, as sent): the fixed ones and every one named there.
     */
    public static Predicate<String> namedBy(List<String> connection) {
        if (connection.isEmpty()) {
            return ALWAYS::contains;
        }
        Set<String> drop = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        drop.addAll(ALWAYS);
        for (String value : connection) {
            for (String token : value.split(",")) {
                drop.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return drop::contains;
    }
}
