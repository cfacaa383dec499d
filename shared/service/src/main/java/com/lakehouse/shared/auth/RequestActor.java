package com.lakehouse.shared.auth;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a request, as the journal records it: {@code token:primary}, {@code token:secondary-N}
 * when a bearer token was checked, else {@code anonymous}.
 */
public final class RequestActor {

    public static final String ATTRIBUTE = "com.lakehouse.actor";
    public static final String ANONYMOUS = "anonymous";

    private RequestActor() {
    }

    public static String of(HttpServletRequest request) {
        Object actor = request.getAttribute(ATTRIBUTE);
        return actor instanceof String s ? s : ANONYMOUS;
    }
}
