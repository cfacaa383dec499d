package com.lakehouse.pathway.traces;

import com.lakehouse.shared.journal.JournalClient;

/**
 * One journal event per trace mutation (SPEC §10), entity {@code trace}, recorded after the change
 * is durable and sent without waiting: when observerd is down the shared client logs and retries,
 * and the mutation has already succeeded. Add, replay (an idempotent add that found the same
 * content), update and revise carry field {@code content}, before and after as JSON; retire
 * carries field {@code retired}, {@code false} to {@code true}.
 */
public final class TraceJournal {

    static final String ENTITY_TYPE = "trace";

    private final JournalClient journal;

    public TraceJournal(JournalClient journal) {
        this.journal = journal;
    }

    public void added(TraceStore.Added added, String actor) {
        content(added.existing() ? "replay" : "add", added.trace(), null, actor);
    }

    /** @param before the content the update replaced */
    public void updated(String before, Trace updated, String actor) {
        content("update", updated, before, actor);
    }

    public void revised(Trace revision, String actor) {
        content("revise", revision, null, actor);
    }

    public void retired(Trace retired, String actor) {
        journal.record(ENTITY_TYPE, retired.uid(), "retire", "retired", "false", "true", actor);
    }

    /** Events the sender dropped rather than delivered, for the stats route. */
    public long dropped() {
        return journal.sender().dropped();
    }

    private void content(String action, Trace trace, String before, String actor) {
        journal.record(ENTITY_TYPE, trace.uid(), action, "content", before, trace.content(), actor);
    }
}
