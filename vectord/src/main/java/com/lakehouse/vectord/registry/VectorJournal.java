package com.lakehouse.vectord.registry;

import java.util.Map;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.journal.JournalClient;

/**
 * The mutation journal entries of vectord (entity type {@code vector_index}); a no-op when
 * {@code observerd_url} is empty. Recording never blocks or fails the request.
 */
public final class VectorJournal implements AutoCloseable {

    private static final String ENTITY = "vector_index";

    private final JournalClient client;

    /** @param client null to journal nothing */
    public VectorJournal(JournalClient client) {
        this.client = client;
    }

    void record(String index, String action, String field, Object oldValue, Object newValue, String actor) {
        if (client != null) {
            client.record(ENTITY, index, action, field, json(oldValue), json(newValue), actor);
        }
    }

    /** Delivery figures for the stats route. */
    Map<String, Object> stats() {
        if (client == null) {
            return Map.of("enabled", false);
        }
        return Map.of("enabled", true, "sent", client.sender().sent(), "dropped", client.sender().dropped(),
                "failures", client.sender().failures(), "pending", client.sender().pending());
    }

    private static String json(Object value) {
        return value == null ? null : LakehouseJson.mapper().writeValueAsString(value);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
