package com.lakehouse.observerd.events;

import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.json.JsonDepth;
import com.lakehouse.shared.text.Utf8;

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
            throw new FieldLimit("payload", maxPayloadBytes, "observer_max_payload_bytes").tooLarge("is " + bytes + " bytes");
        }
    }

    private void name(String value, String field) {
        if (value != null) {
            int bytes = Utf8.length(value);
            if (bytes > maxNameBytes) {
                throw new FieldLimit(field, maxNameBytes, "observer_max_name_bytes").tooLarge("is " + bytes + " bytes");
            }
        }
    }
}
