package com.lakehouse.gateway.proxy;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

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
}
