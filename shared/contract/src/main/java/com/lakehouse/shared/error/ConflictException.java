package com.lakehouse.shared.error;

import java.util.Map;

/** The request conflicts with current state, which is left unchanged (409). */
public class ConflictException extends LakehouseException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
