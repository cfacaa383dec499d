package com.lakehouse.shared.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health} of every service (SPEC §2); never behind auth. */
@RestController
public class HealthController {

    /** The wire shape of {@code /health}. */
    public record Health(String status, String service, String version) {
    }

    private final Health health;

    public HealthController(ServiceIdentity identity) {
        this.health = new Health("ok", identity.name(), identity.version());
    }

    @GetMapping("/health")
    Health health() {
        return health;
    }
}
