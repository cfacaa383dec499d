package com.lakehouse.catalogd.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.catalog.ManifestVersions;
import com.lakehouse.shared.catalog.RegisterResponse;
import com.lakehouse.shared.error.ConflictException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnavailableException;

/**
 * The catalog service: reads from the published immutable state, mutations one at a time under a
 * single lock (so {@code catalog_version} numbers changes without gaps or duplicates), each one
 * built as a candidate, persisted, and only then published. Registers waiting for the lock are
 * committed together by its next holder: one persisted write for the group, each register still its
 * own version and its own answer, given once the write is durable. A failed persist leaves memory as it
 * was and answers 503. Each dataset a group added versions to is then handed to the
 * {@link CommitListener} (the Iceberg view is written from there, not under this lock). Until the state has been loaded from storaged every call answers 503: an
 * empty catalog is never served as if it were the real one.
 */
public class Catalog {

    private static final Log LOG = LogFactory.getLog(Catalog.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final CatalogStore store;
    private final CatalogJournal journal;
    private final CheckpointPolicy checkpoints;
    private final Clock clock;
    private final CommitListener listener;
    private final RegisterLimits limits;
    /** At most this many registers in one group commit (catalogd admits max_concurrent_registers at once anyway). */
    private static final int MAX_GROUP = 64;

    private final ReentrantLock mutations = new ReentrantLock();
    private final Queue<RegisterGroup.Pending> waiting = new ConcurrentLinkedQueue<>();
    private volatile CatalogState state;

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock) {
        this(store, journal, checkpoints, clock, CommitListener.NONE);
    }

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock, CommitListener listener) {
        this(store, journal, checkpoints, clock, listener, RegisterLimits.DEFAULTS);
    }

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock, CommitListener listener,
            RegisterLimits limits) {
        this.limits = limits;
        this.store = store;
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.listener = listener;
    }

    /** Publishes the state loaded at startup; later calls are ignored (the catalog is loaded once). */
    public void loaded(CatalogState loaded) {
        mutations.lock();
        try {
            if (state == null) {
                checkpoints.startFrom(loaded.catalogVersion());
                state = loaded;
            }
        } finally {
            mutations.unlock();
        }
    }

    /** Registers queued for the next group commit (for tests). */
    int waitingRegisters() {
        return waiting.size();
    }

    public boolean isLoaded() {
        return state != null;
    }

    /**
     * Registers one version. Registers that arrive while another holds the mutation lock are
     * committed together by the next holder (a group commit, {@link RegisterGroup}): each is decided
     * in arrival order against the state the earlier ones produce, so each gets its own version
     * number, and all of the group's changes are persisted in one write; each caller is answered
     * only after that write is durable.
     */
    public RegisterResponse register(Registration request, String actor) {
        RegisterGroup.Pending pending = new RegisterGroup.Pending(request, actor);
        waiting.add(pending);
        mutations.lock();
        try {
            // A group takes at most MAX_GROUP registers in arrival order: a holder whose own register
            // was left for the next group commits that one too.
            while (!pending.answered()) {
                commitGroup();
            }
        } finally {
            mutations.unlock();
        }
        return pending.answer();
    }

    /** Under the lock: takes every waiting register (this caller's among them) and commits them as one. */
    private void commitGroup() {
        List<RegisterGroup.Pending> group = new ArrayList<>();
        for (RegisterGroup.Pending next; group.size() < MAX_GROUP && (next = waiting.poll()) != null; ) {
            group.add(next);
        }
        CatalogState current;
        try {
            current = loadedState();
        } catch (RuntimeException e) {
            group.forEach(p -> p.fail(e));
            return;
        }
        try {
            RegisterGroup decided = new RegisterGroup(current);
            Instant now = clock.instant();
            long started = System.nanoTime();
            for (RegisterGroup.Pending pending : group) {
                decide(decided, pending, now);
            }
            long decidedAt = System.nanoTime();
            if (!decided.changes().isEmpty()) {
                try {
                    persist(decided.changes());
                } catch (UnavailableException e) {
                    decided.voidAfterFirstChange(e);
                    return;
                }
                state = decided.candidate();
                checkpoints.afterChange(state);
                List<CatalogChange> changes = decided.changes();
                LOG.info("registers committed: " + changes.size() + " of " + group.size() + " (catalog_version "
                        + changes.getFirst().sequence() + ".." + changes.getLast().sequence() + "; decide "
                        + (decidedAt - started) / 1_000_000 + " ms, persist " + (System.nanoTime() - decidedAt) / 1_000_000 + " ms)");
            }
            decided.answerAll(journal);
            notifyCommitted(decided);
        } finally {
            // Never leave a caller without an answer, whatever went wrong above.
            if (group.stream().anyMatch(p -> !p.answered())) {
                UnavailableException unanswered = new UnavailableException(
                        "the catalog could not finish the register; nothing was acknowledged, retry later", RETRY_AFTER, null);
                group.stream().filter(p -> !p.answered()).forEach(p -> p.fail(unanswered));
            }
        }
    }

    private void decide(RegisterGroup group, RegisterGroup.Pending pending, Instant now) {
        CatalogState candidate = group.candidate();
        Registration request = pending.request();
        try {
            switch (RegisterRules.decide(candidate, request, now, limits)) {
                case RegisterDecision.Unchanged unchanged -> group.unchanged(pending,
                        new RegisterResponse(RegisterResponse.UNCHANGED, unchanged.current()));
                case RegisterDecision.Conflict conflict -> group.refused(pending, conflict(conflict.current(), request));
                case RegisterDecision.Changed changed ->
                    group.changed(pending, changed, new CatalogChange.Registered(candidate.catalogVersion() + 1, changed.manifest()));
            }
        } catch (RuntimeException e) {
            group.refused(pending, e);
        }
    }

    public void delete(String name, String actor) {
        DatasetNames.require(name);
        mutations.lock();
        try {
            CatalogState current = loadedState();
            DatasetManifest manifest = current.current(name).orElseThrow(() -> unknown(name));
            publish(current, new CatalogChange.Deleted(current.catalogVersion() + 1, name, manifest.datasetId(),
                    clock.instant().toString()));
            journal.deleted(manifest, actor);
        } finally {
            mutations.unlock();
        }
    }

    public DatasetManifest manifest(String name) {
        DatasetNames.require(name);
        return loadedState().current(name).orElseThrow(() -> unknown(name));
    }

    public ManifestVersions versions(String name) {
        DatasetNames.require(name);
        List<DatasetManifest> history = loadedState().history(name).orElseThrow(() -> unknown(name));
        return new ManifestVersions(name, history);
    }

    /** What {@code GET /catalog/stats} shows: datasets and version once loaded, and the quarantine. */
    public CatalogStats stats(CatalogQuarantine quarantine) {
        CatalogState current = state;
        return new CatalogStats(current != null, current == null ? 0 : current.datasetCount(),
                current == null ? 0 : current.catalogVersion(), quarantine.count(), quarantine.entries());
    }

    public CatalogListing list() {
        CatalogState current = loadedState();
        return new CatalogListing(current.currentManifests(), current.catalogVersion());
    }

    /** Each dataset the group added versions to, with its whole history, to the listener (see {@link CommitListener}). */
    private void notifyCommitted(RegisterGroup group) {
        Set<String> names = new LinkedHashSet<>();
        for (CatalogChange change : group.changes()) {
            if (change instanceof CatalogChange.Registered registered) {
                names.add(registered.manifest().name());
            }
        }
        CatalogState committed = group.candidate();
        for (String name : names) {
            try {
                listener.committed(committed.history(name).orElseThrow());
            } catch (RuntimeException e) {
                LOG.warn("after the commit of " + name + ": " + e.getMessage());
            }
        }
    }

    /** Persist first, publish second: the caller is told only about durable state. */
    private void publish(CatalogState current, CatalogChange change) {
        persist(List.of(change));
        state = current.apply(change);
        checkpoints.afterChange(state);
    }

    /** One durable write of consecutive changes; a failure is the callers' 503 with nothing changed. */
    private void persist(List<CatalogChange> changes) {
        try {
            store.append(changes);
        } catch (RuntimeException e) {
            LOG.warn("catalog changes " + changes.getFirst().sequence() + ".." + changes.getLast().sequence()
                    + " not persisted: " + e.getMessage());
            throw new UnavailableException("the catalog could not persist the change through storaged ("
                    + e.getMessage() + "); nothing changed, retry later", RETRY_AFTER, null);
        }
    }

    private CatalogState loadedState() {
        CatalogState current = state;
        if (current == null) {
            throw new UnavailableException("the catalog is still loading from storaged", RETRY_AFTER, null);
        }
        return current;
    }

    private static NotFoundException unknown(String name) {
        return new NotFoundException("no dataset named '" + name + "'");
    }

    private static ConflictException conflict(DatasetManifest current, Registration request) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", current.name());
        details.put("current_version", current.version());
        details.put("existing_fingerprint", current.schemaFingerprint());
        details.put("requested_fingerprint", request.schemaFingerprint());
        details.put("existing_schema", current.schema());
        details.put("requested_schema", request.schema());
        return new ConflictException("dataset '" + current.name() + "' is registered with another schema "
                + "fingerprint; nothing changed (register under a new name, or delete it first)", details);
    }
}
