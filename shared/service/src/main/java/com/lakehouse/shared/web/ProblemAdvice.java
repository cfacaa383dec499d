package com.lakehouse.shared.web;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.lakehouse.shared.error.LakehouseException;

/**
 * Turns every failure into problem+json (SPEC §2). Spring MVC's own exceptions (unknown route,
 * wrong method, unreadable body) keep their statuses through {@link ResponseEntityExceptionHandler};
 * domain exceptions get theirs from the service's {@link ProblemStatusTable}; anything else is a 500
 * whose detail says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Log LOG = LogFactory.getLog(ProblemAdvice.class);

    private final ProblemStatusTable table;

    public ProblemAdvice(ProblemStatusTable table) {
        this.table = table;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleAny(Exception error) {
        HttpStatus status = table.statusOf(error).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            LOG.error("unhandled " + error.getClass().getSimpleName(), error);
            return problem(status, "internal error; see the service log", Map.of(), HttpHeaders.EMPTY);
        }
        if (status.is5xxServerError()) {
            LOG.warn(status.value() + " " + error.getMessage());
        }
        Map<String, Object> details = error instanceof LakehouseException le ? le.details() : Map.of();
        HttpHeaders headers = new HttpHeaders();
        if (error instanceof LakehouseException le) {
            le.headers().forEach(headers::set);
        }
        return problem(status, error.getMessage(), details, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return createResponseEntity(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()),
                    headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        String reason = ex.getMostSpecificCause().getMessage();
        String firstLine = reason == null ? "unreadable body" : reason.lines().findFirst().orElse("unreadable body");
        return createResponseEntity(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "malformed request body: " + firstLine),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Every problem this advice writes, Spring's own included, carries a type, title and status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            detail.setType(ProblemTypes.of(statusCode));
            detail.setInstance(null);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
            Map<String, Object> details, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(ProblemTypes.of(status));
        details.forEach(body::setProperty);
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
