package com.lakehouse.shared.boot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The HTTP services of the fleet with their default loopback ports (SPEC §1). */
public enum FleetService {
    GATEWAY(3110),
    STORAGED(3211),
    CATALOGD(3212),
    INGESTD(3213),
    QUERYD(3214),
    VECTORD(3215),
    EMBEDD(3216),
    PATHWAY(3217),
    OBSERVERD(3218);

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
        return "127.0.0.1:" + defaultPort;
    }

    public String defaultUrl() {
        return "http://127.0.0.1:" + defaultPort;
    }

    /** The variable an operator sets to exactly {@code 1} to allow a non-loopback bind (SPEC §2.2). */
    public String allowNonLoopbackVariable() {
        return "LH_" + name() + "_ALLOW_NONLOOPBACK";
    }

    public static Optional<FleetService> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
