package com.lakehouse.shared.auth;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Paths that stay open whatever the auth posture (SPEC §2): {@code /health}, and the gateway's
 * fleet health {@code /v1/health}, which load balancers and {@code ./lakehouse status} probe.
 */
final class OpenPaths {

    private static final Set<String> OPEN = Set.of("/health", "/v1/health");

    private OpenPaths() {
    }

    static boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN.contains(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
    }
}
