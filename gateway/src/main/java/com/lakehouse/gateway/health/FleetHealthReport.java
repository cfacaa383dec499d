package com.lakehouse.gateway.health;

import java.util.Map;

/**
 * The answer of {@code GET /v1/health}: {@code ok} when every upstream is, else {@code degraded}.
 *
 * @param status   {@code ok} or {@code degraded}
 * @param services each upstream by fleet name, in fleet order
 */
public record FleetHealthReport(String status, Map<String, ServiceHealth> services) {

    public static FleetHealthReport of(Map<String, ServiceHealth> services) {
        boolean allOk = services.values().stream().allMatch(ServiceHealth::healthy);
        return new FleetHealthReport(allOk ? "ok" : "degraded", services);
    }
}
