package com.lakehouse.shared.boot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.lakehouse.shared.fleet.FleetPorts;

/** The HTTP services of the fleet with their default loopback ports (SPEC §1, from {@link FleetPorts}). */
public enum FleetService {
    GATEWAY(FleetPorts.GATEWAY),
    STORAGED(FleetPorts.STORAGED),
    CATALOGD(FleetPorts.CATALOGD),
    INGESTD(FleetPorts.INGESTD),
    QUERYD(FleetPorts.QUERYD),
    VECTORD(FleetPorts.VECTORD),
    EMBEDD(FleetPorts.EMBEDD),
    PATHWAY(FleetPorts.PATHWAY),
    OBSERVERD(FleetPorts.OBSERVERD);

    private final int defaultPort;

    FleetService(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The name used in config sections, log lines and {@code /health}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String defaultBind() {
        return FleetPorts.LOOPBACK_HOST + ":" + defaultPort;
    }

    public String defaultUrl() {
        return FleetPorts.LOOPBACK + defaultPort;
    }

    /** The variable an operator sets to exactly {@code 1} to allow a non-loopback bind (SPEC §2.2). */
    public String allowNonLoopbackVariable() {
        return "LH_" + name() + "_ALLOW_NONLOOPBACK";
    }

    public static Optional<FleetService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
