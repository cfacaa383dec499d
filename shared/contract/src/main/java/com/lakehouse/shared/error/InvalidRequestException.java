package com.lakehouse.shared.error;

import java.util.Map;

/** The request is malformed or fails validation (400). */
public class InvalidRequestException extends LakehouseException {

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
