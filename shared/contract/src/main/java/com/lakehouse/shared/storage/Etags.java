package com.lakehouse.shared.storage;

/** ETags travel quoted in HTTP headers (RFC 9110) and bare in JSON bodies. */
public final class Etags {

    private Etags() {
    }

    public static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    public static String quote(String etag) {
        return etag == null ? null : "\"" + unquote(etag) + "\"";
    }
}
