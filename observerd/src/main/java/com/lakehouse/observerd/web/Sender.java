package com.lakehouse.observerd.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.boot.FleetService;
import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StorageClient;

/**
 * Who sent an event, as observerd sees it (issue 20). The fleet's own clients (shared
 * {@code JournalClient}, {@code ObserverClient}) send {@link StorageClient#SERVICE_HEADER}, which the
 * gateway strips from every outside request. Without it the sender is outside the fleet: it may not
 * name a fleet service as its source (403), its events carry the actor observerd saw
 * ({@link RequestActor}: {@code token:primary}, {@code anonymous}...) and an event id observerd
 * makes, so it can neither pose as a service nor hide a service's event behind a forged id.
 *
 * @param service the fleet service named by the header, or null for an outside sender
 * @param actor   the caller as the server saw it
 */
record Sender(String service, String actor) {

    static Sender of(HttpServletRequest request) {
        String header = request.getHeader(StorageClient.SERVICE_HEADER);
        return new Sender(header == null || header.isBlank() ? null : header.trim(), RequestActor.of(request));
    }

    boolean fleet() {
        return service != null;
    }

    /**
     * The batch as it is recorded, once it is within its bounds: a fleet service's events as sent (the
     * actor it passes on is the caller it served), an outside sender's with the server-seen actor and a
     * fresh event id.
     */
    List<JournalEvent> journalEvents(List<JournalEvent> events) {
        if (fleet() || events == null) {
            return events;
        }
        List<JournalEvent> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            JournalEvent e = events.get(i);
            if (e == null) {
                out.add(null);
                continue;
            }
            requireNotAFleetService(e.source(), "events[" + i + "].source");
            out.add(new JournalEvent(UUID.randomUUID().toString(), e.timestamp(), e.entityType(), e.entityId(), e.field(), e.action(),
                    e.oldValue(), e.newValue(), actor, e.source()));
        }
        return out;
    }

    /** An outside sender may not name a fleet service as the source of an observer event. */
    void checkObserverSource(String source) {
        if (!fleet()) {
            requireNotAFleetService(source, "source");
        }
    }

    private static void requireNotAFleetService(String source, String field) {
        if (source != null && FleetService.byId(source.trim().toLowerCase(Locale.ROOT)).isPresent()) {
            throw new ForbiddenOperationException(field + " '" + source.trim() + "' names a fleet service; only the"
                    + " fleet's own clients may send its events", Map.of("field", field));
        }
    }
}
