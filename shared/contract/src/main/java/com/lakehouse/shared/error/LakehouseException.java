package com.lakehouse.shared.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the domain failures every service raises. It carries no HTTP knowledge: each service's
 * {@code ProblemStatusTable} maps the class to a status. {@link #details()} become extra members of
 * the problem+json body (for example both schemas of a fingerprint conflict), {@link #headers()}
 * headers of the response (for example {@code Retry-After}).
 */
public abstract class LakehouseException extends RuntimeException {

    private final Map<String, Object> details;

    protected LakehouseException(String message) {
        this(message, Map.of(), null);
    }

    protected LakehouseException(String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.details = Map.copyOf(new LinkedHashMap<>(details));
    }

    /** Extra problem members; never credentials or host paths. */
    public Map<String, Object> details() {
        return details;
    }

    /** Response headers the failure implies; none unless a subclass says so. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
