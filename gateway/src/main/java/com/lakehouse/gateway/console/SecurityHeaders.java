package com.lakehouse.gateway.console;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * The headers every console response carries. The policy allows scripts, styles and fetches from
 * this origin only and no inline script or style element, so a value from the data that somehow
 * reached the DOM as markup still could not run; the page cannot be framed, sniffed as another
 * type, or leak its URL as a referrer. {@code no-cache} makes the browser revalidate, so a new
 * gateway jar's console is picked up at once.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
            "Cache-Control", "no-cache");

    private SecurityHeaders() {
    }

    public static void apply(HttpHeaders response) {
        HEADERS.forEach(response::set);
    }
}
