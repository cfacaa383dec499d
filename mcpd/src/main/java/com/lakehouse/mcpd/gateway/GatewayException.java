package com.lakehouse.mcpd.gateway;

/**
 * A gateway call that did not succeed, with a one-line reason a model can act on: the upstream's
 * problem+json {@code detail}, or why the gateway could not be reached at all.
 */
public class GatewayException extends RuntimeException {

    /** The HTTP status the gateway answered, or 0 when no answer came (refused, timed out). */
    private final int status;

    public GatewayException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
