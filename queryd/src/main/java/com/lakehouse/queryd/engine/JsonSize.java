package com.lakehouse.queryd.engine;

import java.util.List;
import java.util.Map;

/**
 * The size a JSON-native value ({@link JsonValues}) takes in the response, counted while rows are
 * read so a result stops at {@code max_result_bytes} before it is held whole. Strings count their
 * UTF-16 length plus quotes (ASCII text exactly; escapes and multi-byte characters are the
 * difference), other values their written form.
 */
final class JsonSize {

    private JsonSize() {
    }

    static long of(Object value) {
        return switch (value) {
            case null -> 4;
            case String s -> s.length() + 2L;
            case List<?> list -> {
                long n = 2 + Math.max(0, list.size() - 1);
                for (Object item : list) {
                    n += of(item);
                }
                yield n;
            }
            case Map<?, ?> map -> {
                long n = 2 + Math.max(0, map.size() - 1);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    n += String.valueOf(e.getKey()).length() + 3L + of(e.getValue());
                }
                yield n;
            }
            default -> value.toString().length();
        };
    }
}
