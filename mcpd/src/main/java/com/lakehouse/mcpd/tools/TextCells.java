package com.lakehouse.mcpd.tools;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Renders values for text blocks: one line each, long ones cut so a big cell never floods the model. */
final class TextCells {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TextCells() {
    }

    /** A value as one line of at most {@code max} characters ({@code null} for SQL NULL). */
    static String cell(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? s : JSON.writeValueAsString(value);
        return shorten(text.replaceAll("\\s+", " "), max);
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis and the full length. */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "… (" + text.length() + " chars)";
    }

    /** Whether {@code value} is a string longer than {@code max}. */
    static boolean isLong(Object value, int max) {
        return value instanceof String s && s.length() > max;
    }

    /** Compact JSON of a small object (metadata, tags) for a text line. */
    static String json(Map<String, Object> value, int max) {
        return value == null || value.isEmpty() ? "{}" : cell(value, max);
    }
}
