package com.lakehouse.shared.http;

import java.net.URI;
import java.net.URISyntaxException;

/** Validates a configured upstream URL at startup so a typo fails fast and names its config key. */
public final class UpstreamUrl {

    private UpstreamUrl() {
    }

    /**
     * @param configKey the key as an operator writes it, e.g. {@code [gateway] storaged_url}
     * @param value     the configured URL
     * @return the URL without a trailing slash
     * @throws IllegalStateException naming the key when the URL lacks an http(s) scheme or a host
     */
    public static URI parse(String configKey, String value) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(configKey + " = '" + value + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalStateException(configKey + " = '" + value
                    + "' needs a scheme and a host, such as http://127.0.0.1:3211");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
