package com.lakehouse.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * What happens to the body of a request the edge refuses before routing it (401, 403): it is not
 * read. The refusal carries {@code Connection: close}, and Reactor Netty ends the connection after
 * the answer instead of reading on, so an unauthenticated caller cannot make the gateway read a
 * large or endless body.
 */
final class RefusedBodies {

    private RefusedBodies() {
    }

    static void announceClose(ServerWebExchange exchange) {
        HttpHeaders caller = exchange.getRequest().getHeaders();
        if (caller.getContentLength() > 0 || caller.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}
