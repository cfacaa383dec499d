package com.lakehouse.shared.journal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageClient;

/**
 * Sends journal events (SPEC §10) to observerd without waiting: {@link #record} returns at once,
 * and a dead observerd never slows or fails the mutation that produced the event.
 */
public class JournalClient implements AutoCloseable {

    private final String source;
    private final BackgroundSender<JournalEvent> sender;

    public JournalClient(String source, ServiceClient observerd) {
        this.source = source;
        this.sender = new BackgroundSender<>("journal", 10_000, 500,
                batch -> post(observerd, source, "/journal/events", new JournalBatch(batch)),
                ServiceClient::isClientError);
    }

    public static JournalClient create(String source, URI observerdUrl, Optional<String> token) {
        return new JournalClient(source, new ServiceClient("observerd", observerdUrl, token, Duration.ofSeconds(10)));
    }

    /**
     * Records one mutation.
     *
     * @param entityType e.g. {@code dataset}, {@code vector_index}, {@code trace}
     * @param entityId   the entity's stable id
     * @param action     e.g. {@code register}, {@code add}, {@code delete}
     * @param field      what changed, or null for the whole entity
     * @param oldValue   JSON text of the value before, or null
     * @param newValue   JSON text of the value after, or null
     * @param actor      the caller's identity ({@code RequestActor})
     */
    public void record(String entityType, String entityId, String action, String field,
            String oldValue, String newValue, String actor) {
        sender.send(new JournalEvent(UUID.randomUUID().toString(), Instant.now().toString(), entityType, entityId,
                field, action, oldValue, newValue, actor, source));
    }

    /** Queues an event built by the caller (its source is kept). */
    public void record(JournalEvent event) {
        sender.send(event);
    }

    /**
     * Posts as a fleet service: {@link StorageClient#SERVICE_HEADER} names the sender, so observerd
     * takes its events' source and actor as sent (the gateway strips the header from outside requests).
     */
    static void post(ServiceClient observerd, String source, String path, Object body) {
        HttpRequest request = observerd.request(path)
                .header("Content-Type", "application/json")
                .header(StorageClient.SERVICE_HEADER, source)
                .POST(HttpRequest.BodyPublishers.ofByteArray(LakehouseJson.mapper().writeValueAsBytes(body)))
                .build();
        observerd.sendOk(request);
    }

    /** Delivery counters, for a service's own stats route. */
    public BackgroundSender<JournalEvent> sender() {
        return sender;
    }

    @Override
    public void close() {
        sender.close();
    }
}
