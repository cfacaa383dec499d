package com.lakehouse.gateway.proxy;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * Client-sent {@code Forwarded} and {@code X-Forwarded-*} fields are dropped before forwarding: no
 * proxy in front of the gateway is trusted, so a caller could otherwise claim any address or scheme
 * to the services behind it.
 */
public final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /** {@code headers} without {@code Forwarded} and {@code X-Forwarded-*} (removed in place); returns it. */
    static HttpHeaders strip(HttpHeaders headers) {
        List<String> drop = headers.headerNames().stream()
                .filter(name -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    return lower.equals("forwarded") || lower.startsWith("x-forwarded-");
                })
                .toList();
        drop.forEach(headers::remove);
        return headers;
    }
}
