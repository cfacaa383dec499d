package com.lakehouse.shared.error;

import java.util.Map;

/** A service this one depends on answered with an error or not at all (502). */
public class UpstreamFailureException extends LakehouseException {

    public UpstreamFailureException(String message) {
        super(message);
    }

    public UpstreamFailureException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public UpstreamFailureException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
