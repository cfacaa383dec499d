package com.lakehouse.shared.journal;

import java.util.Map;

/** {@code POST /observer/event}: something a service saw happen. */
public record ObserverEvent(String source, String kind, Map<String, Object> payload) {

    public ObserverEvent {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }
}
