package com.lakehouse.shared.error;

import java.util.Map;

/** The named resource does not exist (404). */
public class NotFoundException extends LakehouseException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
