package com.lakehouse.catalogd.web;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ServiceFailureException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;
import com.lakehouse.shared.error.UpstreamTimeoutException;

/**
 * The Iceberg routes' errors in the Iceberg REST error model ({@code {"error":{"message","type","code"}}}),
 * which Iceberg clients turn back into their exceptions: one table from exception class to status
 * and type, as Iceberg's own REST adapter keeps it. The rest of catalogd keeps problem+json.
 */
@RestControllerAdvice(assignableTypes = IcebergRestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IcebergErrors {

    private static final Log LOG = LogFactory.getLog(IcebergErrors.class);

    private record Mapping(HttpStatus status, String type) {
    }

    private static final Map<Class<? extends Exception>, Mapping> TABLE = Map.of(
            NoSuchNamespaceException.class, new Mapping(HttpStatus.NOT_FOUND, "NoSuchNamespaceException"),
            NoSuchTableException.class, new Mapping(HttpStatus.NOT_FOUND, "NoSuchTableException"),
            NotFoundException.class, new Mapping(HttpStatus.NOT_FOUND, "NoSuchTableException"),
            UnsupportedOperationException.class, new Mapping(HttpStatus.NOT_ACCEPTABLE, "UnsupportedOperationException"),
            InvalidRequestException.class, new Mapping(HttpStatus.BAD_REQUEST, "BadRequestException"),
            BadRequestException.class, new Mapping(HttpStatus.BAD_REQUEST, "BadRequestException"),
            UnavailableException.class, new Mapping(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException"),
            ServiceUnavailableException.class, new Mapping(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException"),
            UpstreamTimeoutException.class, new Mapping(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException"));

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> handle(Exception error) {
        Mapping mapping = mappingOf(error);
        String message = error.getMessage();
        if (mapping == null) {
            LOG.error("iceberg: unhandled " + error.getClass().getSimpleName(), error);
            mapping = new Mapping(HttpStatus.INTERNAL_SERVER_ERROR, ServiceFailureException.class.getSimpleName());
            message = "internal error; see the catalogd log";
        } else if (mapping.status().is5xxServerError()) {
            LOG.warn("iceberg: " + mapping.status().value() + " " + message);
        }
        ErrorResponse body = ErrorResponse.builder().responseCode(mapping.status().value()).withType(mapping.type())
                .withMessage(message).build();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(mapping.status()).contentType(MediaType.APPLICATION_JSON);
        if (error instanceof UnavailableException unavailable) {
            unavailable.retryAfter().ifPresent(d -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, d.toSeconds()))));
        }
        return response.body(ErrorResponseParser.toJson(body));
    }

    /** The closest class in the table: an exception is mapped by what it is, subclasses included. */
    private static Mapping mappingOf(Throwable error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            Mapping mapping = TABLE.get(type);
            if (mapping != null) {
                return mapping;
            }
        }
        return null;
    }
}
