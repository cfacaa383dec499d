package com.lakehouse.shared.journal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A request's events, estimated in characters, well under observerd's 16 MiB body cap: 500 events
     * of large values (a pathway trace's content may be 256 KiB) go as several requests, not one 413.
     */
    static final long MAX_REQUEST_CHARS = 4L << 20;

    private final String source;
    private final BackgroundSender<JournalEvent> sender;

    public JournalClient(String source, ServiceClient observerd) {
        this.source = source;
        this.sender = new BackgroundSender<>("journal", 10_000, 500,
                batch -> {
                    for (List<JournalEvent> part : parts(batch, MAX_REQUEST_CHARS)) {
                        post(observerd, source, "/journal/events", new JournalBatch(part));
                    }
                },
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

    /** Splits a batch into consecutive parts of at most {@code maxChars} estimated characters (at least one event each). */
    static List<List<JournalEvent>> parts(List<JournalEvent> batch, long maxChars) {
        List<List<JournalEvent>> parts = new ArrayList<>();
        List<JournalEvent> current = new ArrayList<>();
        long chars = 0;
        for (JournalEvent event : batch) {
            long size = size(event);
            if (!current.isEmpty() && chars + size > maxChars) {
                parts.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(event);
            chars += size;
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static long size(JournalEvent e) {
        long n = 256;
        for (String s : new String[] {e.eventId(), e.timestamp(), e.entityType(), e.entityId(), e.field(), e.action(),
                e.oldValue(), e.newValue(), e.actor(), e.source()}) {
            n += s == null ? 0 : s.length() * 2L; // JSON escaping can double a value
        }
        return n;
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
