package com.lakehouse.catalogd.catalog;

import java.util.ArrayList;
import java.util.List;

import com.lakehouse.shared.catalog.RegisterResponse;

/**
 * The registers of one group commit, decided in arrival order: the candidate state after each
 * change, the changes to persist in one write, and each register's answer, held back until the
 * write is durable. A register decided before the group's first change was decided against durable
 * state and keeps its answer whatever the write does; every later one depends on the write.
 */
final class RegisterGroup {

    private final List<Decided> decided = new ArrayList<>();
    private final List<CatalogChange> changes = new ArrayList<>();
    private CatalogState candidate;
    private int firstChange = -1;

    RegisterGroup(CatalogState current) {
        this.candidate = current;
    }

    CatalogState candidate() {
        return candidate;
    }

    /** The group's changes, consecutive sequences, in order. */
    List<CatalogChange> changes() {
        return changes;
    }

    void unchanged(Pending pending, RegisterResponse response) {
        decided.add(new Decided(pending, response, null, null));
    }

    void refused(Pending pending, RuntimeException failure) {
        decided.add(new Decided(pending, null, failure, null));
    }

    void changed(Pending pending, RegisterDecision.Changed changed, CatalogChange.Registered change) {
        if (firstChange < 0) {
            firstChange = decided.size();
        }
        changes.add(change);
        candidate = candidate.apply(change);
        RegisterResponse response = new RegisterResponse(changed.created() ? RegisterResponse.CREATED : RegisterResponse.UPDATED,
                changed.manifest());
        decided.add(new Decided(pending, response, null, changed));
    }

    /** The write failed: answers from the first change on are {@code failure}; earlier ones stand. */
    void voidAfterFirstChange(RuntimeException failure) {
        for (int i = 0; i < decided.size(); i++) {
            Decided d = decided.get(i);
            if (i >= firstChange) {
                d.pending().fail(failure);
            } else {
                d.answer();
            }
        }
    }

    /** The write is durable (or there was none): every register gets its answer, each change its journal event. */
    void answerAll(CatalogJournal journal) {
        for (Decided d : decided) {
            if (d.changed() != null) {
                journal.registered(d.changed().previous(), d.changed().manifest(), d.pending().actor());
            }
            d.answer();
        }
    }

    private record Decided(Pending pending, RegisterResponse response, RuntimeException failure,
            RegisterDecision.Changed changed) {

        void answer() {
            if (failure != null) {
                pending.fail(failure);
            } else {
                pending.succeed(response);
            }
        }
    }

    /**
     * One register waiting in the group queue. Its answer is set by the lock holder that committed
     * it and read by its own thread after taking the same lock, so the lock orders the two.
     */
    static final class Pending {

        private final Registration request;
        private final String actor;
        private RegisterResponse response;
        private RuntimeException failure;
        private boolean answered;

        Pending(Registration request, String actor) {
            this.request = request;
            this.actor = actor;
        }

        Registration request() {
            return request;
        }

        String actor() {
            return actor;
        }

        boolean answered() {
            return answered;
        }

        void succeed(RegisterResponse value) {
            response = value;
            answered = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            answered = true;
        }

        /** The response, or the failure thrown in this caller's thread. */
        RegisterResponse answer() {
            if (failure != null) {
                throw failure;
            }
            return response;
        }
    }
}
