package com.lakehouse.shared.text;

import java.util.regex.Pattern;

/**
 * Sizes as config writes them for DuckDB ({@code memory_limit = "512MB"}): a number and an optional
 * decimal or binary unit, any case. Such a value reaches a {@code SET} statement or a connection
 * property, so anything else is refused at startup.
 */
public final class Sizes {

    private static final Pattern SIZE = Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?");

    private Sizes() {
    }

    /** Whether {@code text} (trimmed) is a size such as {@code 512MB}, {@code 1GiB} or {@code 1.5gb}. */
    public static boolean isSize(String text) {
        return text != null && SIZE.matcher(text.trim()).matches();
    }
}
