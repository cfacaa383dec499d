package com.lakehouse.shared.error;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A dependency (S3, storaged, a slot) is temporarily unavailable; the caller may retry (503). */
public class UnavailableException extends LakehouseException {

    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, null, null);
    }

    public UnavailableException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public UnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, Map.of(), cause);
        this.retryAfter = retryAfter;
    }

    /** When set, the response carries a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@code Retry-After} in whole seconds (at least 1) when a retry delay is known. */
    @Override
    public Map<String, String> headers() {
        return retryAfter().map(d -> Map.of("Retry-After", Long.toString(Math.max(1, d.toSeconds())))).orElse(Map.of());
    }
}
