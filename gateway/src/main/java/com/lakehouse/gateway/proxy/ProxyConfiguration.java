package com.lakehouse.gateway.proxy;

import java.time.Duration;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import com.lakehouse.gateway.GatewayProperties;
import com.lakehouse.shared.web.ClientHangUpWatch;
import com.lakehouse.shared.web.RequestBodyLimit;

/** The route table of SPEC §1 as Spring Cloud Gateway (server MVC) routes. */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    private static final Duration HANG_UP_CHECK = Duration.ofMillis(200);

    /** Validates every upstream URL at startup; a bad one stops the gateway naming its key. */
    @Bean
    Upstreams upstreams(GatewayProperties properties) {
        return Upstreams.from(properties);
    }

    @Bean(destroyMethod = "close")
    CloseableHttpClient upstreamHttpClient(GatewayProperties properties) {
        return UpstreamHttp.newPooledClient(properties.connectTimeout());
    }

    /**
     * Aborts the upstream request of a caller that hung up. A request is first looked at after it
     * waited 200 ms, then every 200 ms: a short request never reads the kernel's table.
     */
    @Bean(destroyMethod = "close")
    ClientHangUpWatch clientHangUpWatch() {
        return new ClientHangUpWatch(HANG_UP_CHECK, HANG_UP_CHECK);
    }

    @Bean
    HopByHopHeaders.OnRequest hopByHopRequestHeaders() {
        return new HopByHopHeaders.OnRequest();
    }

    @Bean
    FleetOnlyHeaders fleetOnlyRequestHeaders() {
        return new FleetOnlyHeaders();
    }

    @Bean
    HopByHopHeaders.OnResponse hopByHopResponseHeaders() {
        return new HopByHopHeaders.OnResponse();
    }

    /** Every body streams through; each upstream enforces its own cap (storaged, ingestd, queryd...). */
    @Bean
    RequestBodyLimit requestBodyLimit() {
        return request -> Long.MAX_VALUE;
    }

    @Bean
    RouterFunction<ServerResponse> proxyRoutes(GatewayProperties properties, Upstreams upstreams,
            CloseableHttpClient upstreamHttpClient, GatewayMvcProperties gatewayMvcProperties, ClientHangUpWatch hangUps,
            ObjectProvider<RequestHttpHeadersFilter> requestFilters, ObjectProvider<ResponseHttpHeadersFilter> responseFilters) {
        UpstreamHttp http = new UpstreamHttp(upstreamHttpClient, properties.connectTimeout(), gatewayMvcProperties, hangUps);
        List<RequestHttpHeadersFilter> requestChain = requestFilters.orderedStream().toList();
        List<ResponseHttpHeadersFilter> responseChain = responseFilters.orderedStream().toList();
        RouterFunction<ServerResponse> routes = null;
        for (ProxyRoute route : ProxyRoute.table(properties, upstreams)) {
            UpstreamProxy handler = new UpstreamProxy(route, http.exchange(route.timeout()), requestChain, responseChain);
            RouterFunction<ServerResponse> one = GatewayRouterFunctions.route(route.id())
                    .route(RequestPredicates.path(route.edgePattern()), handler)
                    .build();
            routes = routes == null ? one : routes.and(one);
        }
        return routes;
    }
}
