package com.lakehouse.gateway.web;

import java.util.concurrent.CompletableFuture;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.gateway.health.FleetHealth;
import com.lakehouse.gateway.health.FleetHealthReport;

/**
 * {@code GET /v1/health} (SPEC §1). Always 200: the body says {@code ok} or {@code degraded} and
 * which upstream is down, so a load balancer probing it keeps the gateway in rotation while one
 * service behind it is away (the gateway's own liveness is {@code /health}). The probes run without
 * holding a Netty thread: the answer completes when the last probe does or times out.
 */
@RestController
class FleetHealthController {

    private final FleetHealth fleetHealth;

    FleetHealthController(FleetHealth fleetHealth) {
        this.fleetHealth = fleetHealth;
    }

    @GetMapping("/v1/health")
    CompletableFuture<FleetHealthReport> health() {
        return fleetHealth.check();
    }
}
