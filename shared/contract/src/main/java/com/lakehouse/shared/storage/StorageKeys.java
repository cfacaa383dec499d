package com.lakehouse.shared.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of object keys for storaged's URL paths: each segment encoded, '/' kept. */
public final class StorageKeys {

    private StorageKeys() {
    }

    public static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encodeComponent(segment));
        }
        return out.toString();
    }

    /** RFC 3986 component encoding (URLEncoder writes '+' for space, which a path would keep literally). */
    public static String encodeComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
