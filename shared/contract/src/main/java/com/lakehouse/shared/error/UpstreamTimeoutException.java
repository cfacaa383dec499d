package com.lakehouse.shared.error;

import java.util.Map;

/** A dependency or a bounded operation did not finish in time (504). */
public class UpstreamTimeoutException extends LakehouseException {

    public UpstreamTimeoutException(String message) {
        super(message);
    }

    public UpstreamTimeoutException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public UpstreamTimeoutException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
