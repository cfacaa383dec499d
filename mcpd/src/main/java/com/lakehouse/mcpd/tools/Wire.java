package com.lakehouse.mcpd.tools;

import java.util.List;
import java.util.Map;

/** Reads members of gateway JSON (parsed as maps and lists) without unchecked casts everywhere. */
final class Wire {

    private Wire() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
