package com.lakehouse.shared.error;

import java.util.Map;

/** Well-formed input whose content cannot be accepted (422). */
public class UnprocessableException extends LakehouseException {

    public UnprocessableException(String message) {
        super(message);
    }

    public UnprocessableException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public UnprocessableException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
