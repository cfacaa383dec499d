package com.lakehouse.gateway.proxy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The handler of one route: forwards the request to its upstream through a {@link ProxyExchange}
 * (the gateway's {@link StreamingProxyExchange}) and streams the answer back. It stands in for {@code HandlerFunctions.http()}
 * because that handler rebuilds the query from decoded parameters and drops the upstream's base
 * path; here the target comes from {@link ProxyTarget}, byte for byte. Header rules are the gateway's
 * {@code HttpHeadersFilter} beans (hop-by-hop removal, forwarded-header hygiene) in their order.
 */
public final class UpstreamProxy implements HandlerFunction<ServerResponse> {

    private final ProxyRoute route;
    private final ProxyExchange exchange;
    private final List<RequestHttpHeadersFilter> requestFilters;
    private final List<ResponseHttpHeadersFilter> responseFilters;

    public UpstreamProxy(ProxyRoute route, ProxyExchange exchange, List<RequestHttpHeadersFilter> requestFilters,
            List<ResponseHttpHeadersFilter> responseFilters) {
        this.route = route;
        this.exchange = exchange;
        this.requestFilters = List.copyOf(requestFilters);
        this.responseFilters = List.copyOf(responseFilters);
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        URI target = ProxyTarget.resolve(route, servlet.getRequestURI(), servlet.getQueryString());
        HttpHeaders filtered = headersAsSent(servlet);
        for (RequestHttpHeadersFilter filter : requestFilters) {
            filtered = filter.apply(filtered, request);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(filtered);
        // The upstream is addressed by its own host and port, as a client of it would.
        headers.remove(HttpHeaders.HOST);
        ProxyExchange.Request proxied = exchange.request(request).uri(target).headers(headers)
                .responseConsumer((response, serverResponse) -> serverResponse.headers().putAll(responseHeaders(response, serverResponse)))
                .build();
        try {
            return exchange.exchange(proxied);
        } catch (UncheckedIOException e) {
            throw UpstreamFailures.translate(route.upstream(), route.timeout(), e);
        }
    }

    /**
     * The request's fields exactly as the client sent them. {@code ServerRequest#headers()} is not:
     * it rebuilds {@code Content-Type} from the servlet's parsed type and adds a charset, which
     * would change a multipart boundary line or a JSON type on the way through.
     */
    private static HttpHeaders headersAsSent(HttpServletRequest servlet) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.addAll(name, Collections.list(servlet.getHeaders(name)));
        }
        return headers;
    }

    private HttpHeaders responseHeaders(ProxyExchange.Response response, ServerResponse serverResponse) {
        HttpHeaders headers = response.getHeaders();
        for (ResponseHttpHeadersFilter filter : responseFilters) {
            headers = filter.apply(headers, serverResponse);
        }
        return headers;
    }

    @Override
    public String toString() {
        return "proxy " + route.edgePattern() + " -> " + route.upstream().name();
    }
}
