package com.lakehouse.shared.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Paths that stay open whatever the auth posture: {@code /health} (SPEC §2). */
final class OpenPaths {

    private OpenPaths() {
    }

    static boolean isOpen(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/health");
    }
}
