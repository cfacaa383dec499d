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
        return isOpen(request.getRequestURI().substring(request.getContextPath().length()), request.getMethod());
    }

    static boolean isOpen(String path, String method) {
        return OPEN.contains(path) && ("GET".equals(method) || "HEAD".equals(method));
    }
}
