package com.lakehouse.shared.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.boot.LakehouseApplication;
import com.lakehouse.shared.error.ConflictException;

/**
 * A service built the way every fleet service is (shared bootstrap, no wiring of its own), with a
 * few routes that exercise the filters and the problem advice. Runs in-process for most tests and
 * as a child JVM ({@link #main}) where the process environment matters.
 */
@SpringBootApplication
public class TestServiceApplication {

    public static void main(String[] args) {
        LakehouseApplication.run(FleetService.CATALOGD, TestServiceApplication.class, args);
    }

    /** Boots as "catalogd" on a free loopback port unless the arguments say otherwise. */
    public static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--lakehouse.catalogd.bind="))) {
            all.add("--lakehouse.catalogd.bind=127.0.0.1:0");
        }
        return LakehouseApplication.create(FleetService.CATALOGD, TestServiceApplication.class)
                .run(LakehouseApplication.normalizeArgs(all.toArray(String[]::new)));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Echo routes behind the filters. */
    @RestController
    static class EchoController {

        record Echo(String text, int count) {
        }

        @GetMapping("/whoami")
        Map<String, String> whoami(HttpServletRequest request) {
            return Map.of("actor", RequestActor.of(request));
        }

        @PostMapping("/echo")
        Echo echo(@RequestBody Echo body) {
            return body;
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal state at /home/someone/file");
        }

        /** What Tomcat does when a request body stops arriving: an error status for the container's page. */
        @GetMapping("/container-error")
        void containerError(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.sendError(408);
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new ConflictException("schema differs", Map.of("existing", "a BIGINT"));
        }
    }
}
