package com.lakehouse.gateway.proxy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;

import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The client side of the gateway: one JDK {@link HttpClient} (HTTP/1.1, pooled connections, no
 * redirects followed, virtual threads) shared by every route, and per route a {@link ProxyExchange}
 * whose timeout is the route's.
 *
 * <p>Why the JDK client through {@link JdkClientHttpRequestFactory} and a {@link RestClient} with no
 * interceptors: the request body is handed over as a streaming body ({@code OutputStreamPublisher},
 * which blocks the copying thread until the connection wants more), the response body is an
 * {@code InputStream} over a bounded queue, so a 1 GiB PUT or GET moves through a few buffers, never
 * a whole body. {@code ClientHttpRequestFactoryProxyExchange} or any interceptor would buffer the
 * body in memory. Compression is off: the gateway passes {@code Content-Encoding} through instead of
 * decoding what it forwards.
 */
public final class UpstreamHttp {

    private final HttpClient client;
    private final Executor executor;
    private final GatewayMvcProperties gatewayProperties;

    public UpstreamHttp(HttpClient client, Executor executor, GatewayMvcProperties gatewayProperties) {
        this.client = client;
        this.executor = executor;
        this.gatewayProperties = gatewayProperties;
    }

    /** The client every route shares. */
    public static HttpClient newClient(Duration connectTimeout, Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** An exchange whose whole upstream round trip (body both ways included) ends within {@code timeout}. */
    public ProxyExchange exchange(Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client, executor);
        factory.setReadTimeout(timeout);
        factory.enableCompression(false);
        return new RestClientProxyExchange(RestClient.builder().requestFactory(factory).build(), gatewayProperties);
    }
}
