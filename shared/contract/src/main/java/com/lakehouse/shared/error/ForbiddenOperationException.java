package com.lakehouse.shared.error;

import java.util.Map;

/** An operation the service refuses on principle, such as a write through the SQL sandbox (403). */
public class ForbiddenOperationException extends LakehouseException {

    public ForbiddenOperationException(String message) {
        super(message);
    }

    public ForbiddenOperationException(String message, Map<String, Object> details) {
        super(message, details, null);
    }

    public ForbiddenOperationException(String message, Throwable cause) {
        super(message, Map.of(), cause);
    }
}
