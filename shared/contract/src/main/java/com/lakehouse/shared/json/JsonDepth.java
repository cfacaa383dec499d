package com.lakehouse.shared.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import com.lakehouse.shared.error.FieldLimit;

import tools.jackson.databind.JsonNode;

/**
 * The nesting depth of a JSON value, counted without recursion (a hostile document cannot overflow
 * the stack here): a scalar is 0, {@code []} and {@code {}} are 1, {@code [[1]]} is 2. One
 * implementation for every service that bounds the depth of caller-supplied JSON (SPEC §2.5).
 */
public final class JsonDepth {

    private JsonDepth() {
    }

    /** The depth of {@code node}; null and missing nodes are 0. */
    public static int of(JsonNode node) {
        if (node == null || !node.isContainer()) {
            return 0;
        }
        int max = 0;
        Deque<Map.Entry<JsonNode, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(node, 1));
        while (!pending.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = pending.pop();
            int depth = next.getValue();
            max = Math.max(max, depth);
            for (JsonNode child : next.getKey().values()) {
                if (child.isContainer()) {
                    pending.push(Map.entry(child, depth + 1));
                }
            }
        }
        return max;
    }

    /**
     * The bracket depth of JSON text, read in one pass without parsing it (a journal value may be a
     * megabyte and is kept as text): brackets inside strings do not count. Text that is not JSON gets
     * some number; only JSON's depth is meaningful. Equals {@link #of} of the parsed document.
     */
    public static int ofText(CharSequence text) {
        return ofText(text.length(), text::charAt);
    }

    /** {@link #ofText(CharSequence)} of UTF-8 JSON, as a serialiser wrote it (a multi-byte sequence holds no ASCII byte). */
    public static int ofUtf8(byte[] json) {
        return ofText(json.length, i -> json[i]);
    }

    private static int ofText(int length, IntUnaryOperator at) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            int c = at.applyAsInt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    /**
     * Refuses {@code node} with 422 naming {@code field}, {@code limit} and {@code key} when it is
     * nested deeper than {@code limit}.
     *
     * @param key the config key of the limit, e.g. {@code max_content_depth}
     */
    public static void requireAtMost(JsonNode node, int limit, String field, String key) {
        int depth = of(node);
        if (depth > limit) {
            throw new FieldLimit(field, limit, key).unprocessable("is nested " + depth + " levels deep", Map.of("depth", depth));
        }
    }
}
