package com.lakehouse.gateway.health;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.gateway.GatewayProperties;
import com.lakehouse.gateway.proxy.Upstreams;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /**
     * Probes use a client of their own whose connect timeout is no longer than the probe's, so a
     * black-holed host cannot hold {@code /v1/health} past its budget. It is the JDK client: it
     * probes every upstream at once, each probe with its own deadline.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService upstreamExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    FleetHealth fleetHealth(GatewayProperties properties, Upstreams upstreams, ExecutorService upstreamExecutor) {
        Duration connect = properties.connectTimeout().compareTo(properties.healthTimeout()) < 0
                ? properties.connectTimeout() : properties.healthTimeout();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(upstreamExecutor)
                .build();
        return new FleetHealth(upstreams.all(), client, properties.healthTimeout());
    }
}
