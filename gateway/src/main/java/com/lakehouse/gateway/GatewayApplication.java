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
     * Nothing at the edge may read or rewrite a body it forwards: no multipart parsing, no form
     * parsing of PUT/PATCH bodies (Spring's FormContentFilter) or of POST forms (the gateway's
     * FormFilter), and Content-Length stays so upstreams can refuse oversized bodies up front.
     *
     * <p>When an upstream refuses a body before reading it (a 413), the gateway passes the answer on
     * while the caller is still sending. Tomcat then reads and drops the rest of that body (up to
     * 1 GiB here, 2 MiB by default) before it ends the exchange: closing a connection with unread
     * bytes in it resets it, and a reset can destroy the answer before the caller has read it.
     *
     * <p>Boot's own static mappings ({@code /**} from classpath:/static, {@code /webjars/**}) are off:
     * outside {@code /v1} the gateway serves only the console's files (gateway.console).
     */
    static final Map<String, Object> DEFAULTS = Map.of(
            "spring.servlet.multipart.enabled", "false",
            "spring.mvc.formcontent.filter.enabled", "false",
            "spring.cloud.gateway.server.webmvc.form-filter.enabled", "false",
            "spring.cloud.gateway.server.webmvc.remove-content-length-request-headers-filter.enabled", "false",
            "server.tomcat.max-swallow-size", "1GB",
            "spring.web.resources.add-mappings", "false");

    public static void main(String[] args) {
        LakehouseApplication.run(LakehouseApplication.create(FleetService.GATEWAY, GatewayApplication.class, DEFAULTS),
                FleetService.GATEWAY.id(), args);
    }
}
