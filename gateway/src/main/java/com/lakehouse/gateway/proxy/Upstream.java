package com.lakehouse.gateway.proxy;

import java.net.URI;

import com.lakehouse.shared.http.UpstreamUrl;

/**
 * A service behind the gateway: its fleet name and validated base URL. A base URL with a path
 * ({@code http://host:port/api}) keeps it: requests go to {@code /api/<path>}.
 *
 * @param name    the fleet name, e.g. {@code storaged}; problem bodies and {@code /v1/health} use it
 * @param baseUrl scheme, host, port and optional path, without a trailing slash
 */
public record Upstream(String name, URI baseUrl) {

    /**
     * Validates a configured URL; a value without scheme or host fails naming its key, so a typo
     * stops the gateway at startup instead of turning every request into a 502.
     */
    public static Upstream parse(String name, String configKey, String value) {
        return new Upstream(name, UpstreamUrl.parse("[gateway] " + configKey, value));
    }

    /** The upstream URL of a raw path (already percent-encoded) and raw query; {@code null} query means none. */
    public URI resolve(String rawPath, String rawQuery) {
        String target = baseUrl + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        return URI.create(target);
    }
}
