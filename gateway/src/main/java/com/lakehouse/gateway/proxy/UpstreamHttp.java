package com.lakehouse.gateway.proxy;

import java.time.Duration;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.impl.io.MonitoringResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;

import com.lakehouse.shared.web.ClientHangUpWatch;

/**
 * The client side of the gateway: one pooled Apache HttpClient 5 shared by every route (HTTP/1.1
 * keep-alive, no redirects followed, no retries, no decompression, no cookies), and per route a
 * {@link ProxyExchange} with the route's timeout.
 *
 * <p>A route's timeout is how long its upstream may stay silent: until the response head arrives,
 * and then between any two reads of the body, the way nginx's {@code proxy_read_timeout} works. A slow
 * query that answers within {@code sql_timeout} is never cut; a 1 GiB body that keeps flowing is never
 * cut either. Retries are off because a proxied request may not be idempotent and its body can be
 * read once; a pooled connection idle for over a second is checked before reuse instead.
 */
public final class UpstreamHttp {

    /** Connections per upstream: above what the 2-core target machines serve at once. */
    private static final int CONNECTIONS_PER_UPSTREAM = 256;
    private static final long EARLY_ANSWER_CHECK_BYTES = 1024 * 1024;
    private static final long EARLY_ANSWER_CHECKS = 16;
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);
    /** Below Tomcat's 60 s keep-alive timeout, so the pool lets a connection go before the upstream does. */
    private static final TimeValue EVICT_AFTER_IDLE = TimeValue.ofSeconds(30);

    private final HttpClient client;
    private final Duration connectTimeout;
    private final GatewayMvcProperties gatewayProperties;
    private final ClientHangUpWatch hangUps;

    public UpstreamHttp(HttpClient client, Duration connectTimeout,
            GatewayMvcProperties gatewayProperties, ClientHangUpWatch hangUps) {
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.gatewayProperties = gatewayProperties;
        this.hangUps = hangUps;
    }

    /** The pooled client every route shares; the caller closes it. */
    public static CloseableHttpClient newPooledClient(Duration connectTimeout) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(CONNECTIONS_PER_UPSTREAM)
                .setMaxConnTotal(CONNECTIONS_PER_UPSTREAM * 8)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                // An upstream may answer before it has read a big body (a 413 on a declared length over
                // its cap) and close: watching for that answer while sending passes the 413 on, where a
                // plain send would fail on the closed socket and answer 502. Each look waits up to 1 ms,
                // so it happens at each MiB of the first 16 only: Tomcat reads up to 2 MiB of a refused
                // body before it closes, and a body below 1 MiB is never slowed.
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .responseOutOfOrderStrategy(new MonitoringResponseOutOfOrderStrategy(EARLY_ANSWER_CHECK_BYTES,
                                EARLY_ANSWER_CHECKS))
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(EVICT_AFTER_IDLE)
                .build();
    }

    /** An exchange whose upstream may stay silent for at most {@code timeout}. */
    public ProxyExchange exchange(Duration timeout) {
        RequestConfig config = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                .setRedirectsEnabled(false)
                .setExpectContinueEnabled(false)
                .build();
        return new StreamingProxyExchange(client, config, gatewayProperties.getStreamingMediaTypes(), hangUps);
    }
}
