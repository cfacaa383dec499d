package com.lakehouse.pathway.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.pathway.PathwayProperties;
import com.lakehouse.pathway.traces.Trace;
import com.lakehouse.pathway.traces.TraceJournal;
import com.lakehouse.pathway.traces.TraceLog;
import com.lakehouse.pathway.traces.TraceStore;
import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.error.InvalidRequestException;

/** SPEC §9 routes. Each mutation is journaled ({@link TraceJournal}) after it is durable, without waiting on observerd. */
@RestController
class TraceController {

    private final TraceStore store;
    private final TraceJournal journal;
    private final PathwayProperties properties;

    TraceController(TraceStore store, TraceJournal journal, PathwayProperties properties) {
        this.store = store;
        this.journal = journal;
        this.properties = properties;
    }

    @PostMapping("/pathway/traces")
    ResponseEntity<Trace> add(@RequestBody TraceRequest body, @RequestParam(defaultValue = "false") boolean idempotent,
            HttpServletRequest request) {
        TraceStore.Added added = store.add(body.content(), body.tags(), idempotent);
        journal.added(added, RequestActor.of(request));
        return ResponseEntity.status(added.existing() ? HttpStatus.OK : HttpStatus.CREATED).body(added.trace());
    }

    @PutMapping("/pathway/traces/{uid}")
    Trace update(@PathVariable String uid, @RequestBody TraceRequest body, HttpServletRequest request) {
        String before = store.get(uid).content();
        Trace updated = store.update(uid, body.content(), body.tags());
        journal.updated(before, updated, RequestActor.of(request));
        return updated;
    }

    @PostMapping("/pathway/traces/{uid}/revise")
    ResponseEntity<Trace> revise(@PathVariable String uid, @RequestBody TraceRequest body, HttpServletRequest request) {
        Trace revision = store.revise(uid, body.content(), body.tags());
        journal.revised(revision, RequestActor.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(revision);
    }

    @PostMapping("/pathway/traces/{uid}/retire")
    Trace retire(@PathVariable String uid, HttpServletRequest request) {
        Trace retired = store.retire(uid);
        journal.retired(retired, RequestActor.of(request));
        return retired;
    }

    @GetMapping("/pathway/traces/{uid}")
    Trace get(@PathVariable String uid) {
        return store.get(uid);
    }

    @GetMapping("/pathway/traces/{uid}/history")
    HistoryResponse history(@PathVariable String uid) {
        TraceStore.History history = store.history(uid);
        return new HistoryResponse(uid, history.chain(), history.end().name().toLowerCase(Locale.ROOT));
    }

    @PostMapping("/pathway/search")
    SearchResponse search(@RequestBody SearchRequest body) {
        if (body.mode() != null && !body.mode().equals("bm25")) {
            throw new InvalidRequestException("unknown search mode '" + body.mode() + "'; pathway ranks with bm25");
        }
        int limit = body.limit() == null ? properties.defaultLimit() : body.limit();
        if (limit < 1 || limit > properties.maxLimit()) {
            throw new InvalidRequestException("limit must be 1.." + properties.maxLimit());
        }
        List<SearchHit> hits = store.search(body.query(), body.tags(), limit).stream()
                .map(e -> new SearchHit(e.getValue(), e.getKey())).toList();
        return new SearchResponse(hits);
    }

    @GetMapping("/pathway/stats")
    StatsResponse stats() {
        TraceStore.Stats s = store.stats();
        TraceLog.ReplayReport r = s.replay();
        return new StatsResponse(s.traces(), s.retired(), s.logLines(), s.logBytes(), r.applied(), r.corrupt(),
                r.truncated(), r.unknownOp(), s.quarantined(), store.quarantineFileName(), journal.dropped());
    }
}
