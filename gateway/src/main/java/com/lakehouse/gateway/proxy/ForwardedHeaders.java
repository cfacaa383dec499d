package com.lakehouse.gateway.proxy;

import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * Client-sent {@code Forwarded} and {@code X-Forwarded-*} fields are dropped before forwarding: no
 * proxy in front of the gateway is trusted, so a caller could otherwise claim any address or scheme
 * to the services behind it.
 */
public final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /** Whether {@code name} is {@code Forwarded} or an {@code X-Forwarded-*} field. */
    static boolean isForwarded(String name) {
        return name.equalsIgnoreCase("forwarded") || name.regionMatches(true, 0, "x-forwarded-", 0, 12);
    }

    /** {@code headers} without {@code Forwarded} and {@code X-Forwarded-*} (removed in place); returns it. */
    static HttpHeaders strip(HttpHeaders headers) {
        List<String> drop = headers.headerNames().stream().filter(ForwardedHeaders::isForwarded).toList();
        drop.forEach(headers::remove);
        return headers;
    }
}
