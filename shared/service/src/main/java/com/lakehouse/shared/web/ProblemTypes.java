package com.lakehouse.shared.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;

/** The problem {@code type} URI of each status: a stable identifier a client can switch on. */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    /** e.g. {@code urn:lakehouse:problem:not-found} for 404. */
    public static URI of(HttpStatusCode status) {
        String reason = status instanceof org.springframework.http.HttpStatus s ? s.getReasonPhrase() : "status-" + status.value();
        return URI.create("urn:lakehouse:problem:" + reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
