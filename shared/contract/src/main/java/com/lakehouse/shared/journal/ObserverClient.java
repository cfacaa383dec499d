package com.lakehouse.shared.journal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.shared.http.ServiceClient;

/** Sends observer events (SPEC §10) without waiting; a dead observerd costs the caller nothing. */
public class ObserverClient implements AutoCloseable {

    private final String source;
    private final BackgroundSender<ObserverEvent> sender;

    public ObserverClient(String source, ServiceClient observerd) {
        this.source = source;
        this.sender = new BackgroundSender<>("observer", 10_000, 100, batch -> {
            for (ObserverEvent event : batch) {
                JournalClient.post(observerd, source, "/observer/event", event);
            }
        }, ServiceClient::isClientError);
    }

    public static ObserverClient create(String source, URI observerdUrl, Optional<String> token) {
        return new ObserverClient(source, new ServiceClient("observerd", observerdUrl, token, Duration.ofSeconds(10)));
    }

    public void emit(String kind, Map<String, Object> payload) {
        sender.send(new ObserverEvent(source, kind, payload));
    }

    public BackgroundSender<ObserverEvent> sender() {
        return sender;
    }

    @Override
    public void close() {
        sender.close();
    }
}
