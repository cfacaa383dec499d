package com.lakehouse.observerd.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.json.JsonDepth;

import tools.jackson.databind.JsonNode;

/**
 * The bounds of an observer event (SPEC §2.5), checked before it enters the ring or the log: over one,
 * 413 (sizes) or 422 (depth) naming the field and the limit, and nothing is recorded.
 *
 * @param maxNameBytes    source and kind, UTF-8 bytes
 * @param maxPayloadBytes the payload as compact JSON, bytes
 * @param maxPayloadDepth the payload's nesting depth
 */
public record ObserverLimits(int maxNameBytes, int maxPayloadBytes, int maxPayloadDepth) {

    public static final ObserverLimits DEFAULTS = new ObserverLimits(256, 65_536, 32);

    public void check(String source, String kind, JsonNode payload) {
        name(source, "source");
        name(kind, "kind");
        JsonDepth.requireAtMost(payload, maxPayloadDepth, "payload", "observer_max_payload_depth");
        int bytes = LakehouseJson.mapper().writeValueAsBytes(payload).length;
        if (bytes > maxPayloadBytes) {
            throw tooLarge("payload", bytes, maxPayloadBytes, "observer_max_payload_bytes");
        }
    }

    private void name(String value, String field) {
        if (value != null) {
            int bytes = value.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxNameBytes) {
                throw tooLarge(field, bytes, maxNameBytes, "observer_max_name_bytes");
            }
        }
    }

    private static PayloadTooLargeException tooLarge(String field, int bytes, int limit, String key) {
        return new PayloadTooLargeException(field + " is " + bytes + " bytes; the limit is " + limit + " (" + key + ")",
                Map.of("field", field, "limit", limit));
    }
}
