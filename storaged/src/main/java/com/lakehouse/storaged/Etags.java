package com.lakehouse.storaged;

/** ETags travel quoted in HTTP headers (RFC 9110) and bare in JSON bodies. */
final class Etags {

    private Etags() {
    }

    static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    static String quote(String etag) {
        return etag == null ? null : "\"" + unquote(etag) + "\"";
    }
}
