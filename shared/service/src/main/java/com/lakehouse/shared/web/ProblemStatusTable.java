package com.lakehouse.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.error.UpstreamFailureException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/**
 * The one immutable table from exception class to HTTP status (in the manner of Iceberg's REST
 * catalog). A service that raises exceptions of its own declares a bean built with
 * {@code ProblemStatusTable.defaults().with(...)}; lookups walk the class hierarchy, so the nearest
 * mapped superclass wins. Anything unmapped is a 500 with a generic detail.
 */
public final class ProblemStatusTable {

    private final Map<Class<? extends Throwable>, HttpStatus> statuses;

    private ProblemStatusTable(Map<Class<? extends Throwable>, HttpStatus> statuses) {
        this.statuses = Map.copyOf(statuses);
    }

    public static ProblemStatusTable defaults() {
        Map<Class<? extends Throwable>, HttpStatus> table = new LinkedHashMap<>();
        table.put(InvalidRequestException.class, HttpStatus.BAD_REQUEST);
        table.put(ForbiddenOperationException.class, HttpStatus.FORBIDDEN);
        table.put(NotFoundException.class, HttpStatus.NOT_FOUND);
        table.put(ConflictException.class, HttpStatus.CONFLICT);
        table.put(PayloadTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE);
        table.put(UnprocessableException.class, HttpStatus.UNPROCESSABLE_CONTENT);
        table.put(UpstreamFailureException.class, HttpStatus.BAD_GATEWAY);
        table.put(UnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE);
        table.put(UpstreamTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT);
        return new ProblemStatusTable(table);
    }

    /** A copy with one more (or a replaced) mapping. */
    public ProblemStatusTable with(Class<? extends Throwable> type, HttpStatus status) {
        Map<Class<? extends Throwable>, HttpStatus> copy = new LinkedHashMap<>(statuses);
        copy.put(type, status);
        return new ProblemStatusTable(copy);
    }

    public Optional<HttpStatus> statusOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            HttpStatus status = statuses.get(type);
            if (status != null) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
