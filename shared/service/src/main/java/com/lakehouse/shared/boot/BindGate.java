package com.lakehouse.shared.boot;

import java.util.function.Function;

import org.apache.commons.logging.Log;

/**
 * SPEC §2.2: a service listens beyond loopback only when {@code LH_<SERVICE>_ALLOW_NONLOOPBACK} is
 * exactly {@code 1} and an auth token is configured. Everything else that is not loopback refuses,
 * including addresses that do not parse.
 */
public final class BindGate {

    private final Function<String, String> environment;
    private final Log log;

    /**
     * @param environment looks up a variable by name (the process environment in production)
     * @param log         receives the warning when the override fires
     */
    public BindGate(Function<String, String> environment, Log log) {
        this.environment = environment;
        this.log = log;
    }

    /** Returns the parsed address, or throws {@link BindRefusedException} naming the variable. */
    public BindAddress check(FleetService service, String bind, boolean tokenConfigured) {
        String variable = service.allowNonLoopbackVariable();
        BindAddress address;
        try {
            address = BindAddress.parse(bind);
        } catch (IllegalArgumentException e) {
            throw new BindRefusedException(service.id() + ": refusing to start: " + e.getMessage()
                    + "; use a loopback address such as " + service.defaultBind()
                    + ", or set " + variable + "=1 with an auth token to bind beyond loopback");
        }
        if (address.isLoopback()) {
            return address;
        }
        return refuseOrAllow(service, bind, tokenConfigured, variable, address);
    }

    private BindAddress refuseOrAllow(FleetService service, String bind, boolean tokenConfigured,
            String variable, BindAddress address) {
        boolean override = "1".equals(environment.apply(variable));
        if (override && tokenConfigured) {
            log.warn(service.id() + ": binding beyond loopback on '" + bind + "' because " + variable + "=1");
            return address;
        }
        String why = override
                ? variable + "=1 is set but no auth token is configured ([auth] token or the token_env variable)"
                : "set " + variable + "=1 and configure an auth token to allow it";
        throw new BindRefusedException(service.id() + ": refusing to bind non-loopback address '" + bind
                + "': " + why);
    }
}
