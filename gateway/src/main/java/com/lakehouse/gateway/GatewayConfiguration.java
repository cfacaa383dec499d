package com.lakehouse.gateway;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import reactor.netty.resources.ConnectionProvider;

import com.lakehouse.gateway.console.ConsoleFiles;
import com.lakehouse.gateway.health.FleetHealth;
import com.lakehouse.gateway.proxy.ProxyRoute;
import com.lakehouse.gateway.proxy.ProxyHandler;
import com.lakehouse.gateway.proxy.UpstreamClients;
import com.lakehouse.gateway.proxy.UpstreamExchange;
import com.lakehouse.gateway.proxy.Upstreams;
import com.lakehouse.gateway.web.BearerTokenWebFilter;
import com.lakehouse.gateway.web.ConsoleWebFilter;
import com.lakehouse.gateway.web.IpAllowlistWebFilter;
import com.lakehouse.gateway.web.ProblemExceptionHandler;
import com.lakehouse.shared.auth.AuthPolicy;
import com.lakehouse.shared.web.ProblemStatusTable;

/**
 * The gateway's beans on WebFlux (Reactor Netty). shared-service's stack-neutral auto-configuration
 * gives it {@code /health}, the service identity, the one {@link AuthPolicy} and the one
 * {@link ProblemStatusTable}; its servlet auto-configuration stays off here, and this gives the edge
 * the reactive equivalents of that part: the allowlist and bearer filters (the same token rules),
 * problem+json for every failure from the one status table, the console, the route table and the
 * fleet health probes. No body cap: every body streams through, each upstream enforces its own
 * (storaged, ingestd, queryd...).
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** Connections per upstream: above what the 2-core target machines serve at once. */
    private static final int CONNECTIONS_PER_UPSTREAM = 256;
    /** Below Tomcat's 60 s keep-alive timeout, so the pool lets a connection go before the upstream does. */
    private static final Duration EVICT_AFTER_IDLE = Duration.ofSeconds(30);

    @Bean
    ProblemExceptionHandler problemExceptionHandler(ProblemStatusTable statusTable) {
        return new ProblemExceptionHandler(statusTable);
    }

    @Bean
    IpAllowlistWebFilter ipAllowlistWebFilter(AuthPolicy policy) {
        return new IpAllowlistWebFilter(policy);
    }

    @Bean
    BearerTokenWebFilter bearerTokenWebFilter(AuthPolicy policy) {
        return new BearerTokenWebFilter(policy);
    }

    @Bean
    ConsoleWebFilter consoleWebFilter() {
        return new ConsoleWebFilter(ConsoleFiles.handlers());
    }

    /** Validates every upstream URL at startup; a bad one stops the gateway naming its key. */
    @Bean
    Upstreams upstreams(GatewayProperties properties) {
        return Upstreams.from(properties);
    }

    /**
     * The pools every route shares, one per event loop (see {@link UpstreamClients}): HTTP/1.1
     * keep-alive, no redirects followed, no retries (a proxied request may not be idempotent and its
     * body can be read once), no decompression.
     */
    @Bean(destroyMethod = "close")
    UpstreamClients upstreamClients(GatewayProperties properties) {
        return new UpstreamClients(() -> ConnectionProvider.builder("upstreams")
                        .maxConnections(CONNECTIONS_PER_UPSTREAM)
                        .pendingAcquireTimeout(properties.connectTimeout())
                        .maxIdleTime(EVICT_AFTER_IDLE)
                        .build(),
                pool -> reactor.netty.http.client.HttpClient.create(pool)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                        .option(ChannelOption.TCP_NODELAY, true)
                        .disableRetry(true)
                        .followRedirect(false)
                        .compress(false));
    }

    /**
     * The proxy ahead of WebFlux's handler (see {@link ProxyHandler}): WebFlux's handler builder
     * applies every {@link HttpHandlerDecoratorFactory} bean to the handler it builds.
     */
    @Bean
    HttpHandlerDecoratorFactory proxyHandler(GatewayProperties properties, Upstreams upstreams,
            UpstreamClients upstreamClients, IpAllowlistWebFilter allowlist, BearerTokenWebFilter bearer,
            ProblemExceptionHandler problems) {
        List<ProxyHandler.Entry> routes = ProxyRoute.table(properties, upstreams).stream()
                .map(route -> new ProxyHandler.Entry(route, new UpstreamExchange(route, upstreamClients)))
                .toList();
        return webFlux -> new ProxyHandler(routes, request -> allowlist.admits(request) && bearer.admits(request),
                problems::handle, webFlux);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService healthProbeExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /**
     * Probes use a client of their own whose connect timeout is no longer than the probe's, so a
     * black-holed host cannot hold {@code /v1/health} past its budget. It is the JDK client: it
     * probes every upstream at once, each probe with its own deadline.
     */
    @Bean(destroyMethod = "close")
    FleetHealth fleetHealth(GatewayProperties properties, Upstreams upstreams, ExecutorService healthProbeExecutor) {
        Duration connect = properties.connectTimeout().compareTo(properties.healthTimeout()) < 0
                ? properties.connectTimeout() : properties.healthTimeout();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(healthProbeExecutor)
                .build();
        return new FleetHealth(upstreams.all(), client, properties.healthTimeout());
    }
}
