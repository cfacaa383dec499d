package com.lakehouse.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The body cap for a request, enforced before anything parses the body. Services whose routes
 * stream large bodies under caps of their own (storaged PUT, ingestd upload, the gateway) declare
 * their own bean; every other service gets {@code lakehouse.<service>.max_body_bytes}.
 */
@FunctionalInterface
public interface RequestBodyLimit {

    /** The cap in bytes, or {@link Long#MAX_VALUE} to leave the request to the route. */
    long limitFor(HttpServletRequest request);
}
