package com.lakehouse.observerd.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import com.lakehouse.observerd.events.EventWitness;
import com.lakehouse.observerd.events.ObservedEvent;
import com.lakehouse.observerd.events.ObserverLimits;
import com.lakehouse.observerd.events.ObserverStats;
import com.lakehouse.shared.error.InvalidRequestException;

/**
 * {@code /observer/*} (SPEC §10). Any well-formed JSON body within the bounds is accepted with 202: an
 * object's {@code source}, {@code kind} and {@code payload} members are used, anything else becomes the
 * payload of an {@code unknown} event. A body that is not JSON is refused (400), one over a bound 413/422,
 * an outside sender naming a fleet service as the source 403.
 */
@RestController
class ObserverController {

    private static final int DEFAULT_LIMIT = 100;

    private final EventWitness witness;
    private final ObserverLimits limits;

    ObserverController(EventWitness witness, ObserverLimits limits) {
        this.witness = witness;
        this.limits = limits;
    }

    /**
     * Bounded (ObserverLimits) and attributed (Sender: an outside caller cannot name a fleet service
     * as the source; the recorded actor is the one observerd saw) before anything is recorded.
     */
    @PostMapping("/observer/event")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> event(@RequestBody JsonNode body, HttpServletRequest request) {
        Sender sender = Sender.of(request);
        String source = body.isObject() ? text(body.get("source")) : null;
        String kind = body.isObject() ? text(body.get("kind")) : null;
        JsonNode payload = !body.isObject() ? body
                : body.has("payload") ? body.get("payload") : NullNode.getInstance();
        limits.check(source, kind, payload);
        sender.checkObserverSource(source);
        ObservedEvent event = witness.record(source, kind, sender.actor(), payload);
        return Map.of("accepted", true, "seq", event.seq());
    }

    @GetMapping("/observer/events")
    Map<String, Object> events(@RequestParam(required = false) String source,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit) {
        int n = limit == null ? Math.min(DEFAULT_LIMIT, witness.capacity()) : limit;
        if (n < 1 || n > witness.capacity()) {
            throw new InvalidRequestException("limit must be between 1 and " + witness.capacity() + ", was " + n);
        }
        List<ObservedEvent> events = witness.events(blankToNull(source), blankToNull(kind), n);
        return Map.of("events", events, "count", events.size());
    }

    @GetMapping("/observer/stats")
    ObserverStats stats() {
        return witness.stats();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
