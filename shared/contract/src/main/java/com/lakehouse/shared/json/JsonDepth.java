package com.lakehouse.shared.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.lakehouse.shared.error.UnprocessableException;

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
     * Refuses {@code node} with 422 naming {@code field}, {@code limit} and {@code key} when it is
     * nested deeper than {@code limit}.
     *
     * @param key the config key of the limit, e.g. {@code max_content_depth}
     */
    public static void requireAtMost(JsonNode node, int limit, String field, String key) {
        int depth = of(node);
        if (depth > limit) {
            throw new UnprocessableException(field + " is nested " + depth + " levels deep; the limit is " + limit
                    + " (" + key + ")", Map.of("field", field, "limit", limit, "depth", depth));
        }
    }
}
