package com.lakehouse.shared.error;

import java.util.Map;

/** A request body exceeds its configured cap (413). */
public class PayloadTooLargeException extends LakehouseException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    public PayloadTooLargeException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public PayloadTooLargeException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
