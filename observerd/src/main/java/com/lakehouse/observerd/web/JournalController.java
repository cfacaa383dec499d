package com.lakehouse.observerd.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.observerd.journal.FlushIncompleteException;
import com.lakehouse.observerd.journal.FlushResult;
import com.lakehouse.observerd.journal.JournalService;
import com.lakehouse.observerd.journal.JournalStats;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.journal.JournalBatch;
import com.lakehouse.shared.journal.JournalEvent;

/** {@code /journal/*} (SPEC §10 and issue 11). */
@RestController
class JournalController {

    static final int MAX_LIMIT = 10_000;

    private final JournalService journal;

    JournalController(JournalService journal) {
        this.journal = journal;
    }

    /** 202 once every event is in the write-ahead log on disk. */
    @PostMapping("/journal/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> events(@RequestBody JournalBatch batch, HttpServletRequest request) {
        return Map.of("accepted", journal.append(batch.events(), Sender.of(request)::journalEvents));
    }

    @GetMapping("/journal/entity/{id}")
    Map<String, Object> entity(@PathVariable String id, @RequestParam(required = false) Integer limit) {
        List<JournalEvent> events = journal.entity(id, limit(limit, 1000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity_id", id);
        body.put("events", events);
        body.put("count", events.size());
        return body;
    }

    @GetMapping("/journal/recent")
    Map<String, Object> recent(@RequestParam(required = false) Integer limit) {
        List<JournalEvent> events = journal.recent(limit(limit, 100));
        return Map.of("events", events, "count", events.size());
    }

    @GetMapping("/journal/stats")
    JournalStats stats() {
        return journal.stats();
    }

    /** Operator route: flush now instead of waiting for flush_rows or flush_every; 503 if it could not finish. */
    @PostMapping("/journal/flush")
    FlushResult flush() {
        FlushResult result = journal.flush();
        if (result.error() != null) {
            throw new FlushIncompleteException(result);
        }
        return result;
    }

    private static int limit(Integer requested, int fallback) {
        int n = requested == null ? fallback : requested;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ", was " + n);
        }
        return n;
    }
}
