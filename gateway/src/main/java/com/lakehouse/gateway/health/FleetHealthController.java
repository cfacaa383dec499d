package com.lakehouse.gateway.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/health} (SPEC §1). Always 200: the body says {@code ok} or {@code degraded} and
 * which upstream is down, so a load balancer probing it keeps the gateway in rotation while one
 * service behind it is away (the gateway's own liveness is {@code /health}).
 */
@RestController
class FleetHealthController {

    private final FleetHealth fleetHealth;

    FleetHealthController(FleetHealth fleetHealth) {
        this.fleetHealth = fleetHealth;
    }

    @GetMapping("/v1/health")
    FleetHealthReport health() {
        return fleetHealth.check();
    }
}
