package com.lakehouse.gateway;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;

/** Entry point of gateway (SPEC §1). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * The gateway is the fleet's one reactive service (WebFlux on Reactor Netty, docs/DECISIONS.md):
     * shared-service's servlet half is excluded from its classpath and the application type says so.
     * Nothing at the edge reads or rewrites a body it forwards (the proxy is a filter ahead of any
     * codec), and Content-Length stays so upstreams can refuse oversized bodies up front.
     *
     * <p>A request line may be as long as Tomcat allowed it (8 KiB with the headers): Netty's own
     * default, 4 KiB, would refuse a storage list whose {@code prefix} and {@code after} are both
     * 1024 UTF-8 bytes, percent-encoded.
     *
     * <p>Boot's own static mappings ({@code /**} from classpath:/static, {@code /webjars/**}) are off:
     * outside {@code /v1} the gateway serves only the console's files (gateway.console).
     */
    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.main.web-application-type", "reactive",
            "spring.web.resources.add-mappings", "false",
            "server.netty.max-initial-line-length", "8KB",
            "spring.webflux.problemdetails.enabled", "false");

    public static void main(String[] args) {
        LakehouseApplication.run(LakehouseApplication.create(FleetService.GATEWAY, GatewayApplication.class, DEFAULTS),
                FleetService.GATEWAY.id(), args);
    }
}
