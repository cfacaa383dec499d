package com.lakehouse.catalogd.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * built as a candidate, persisted, and only then published. A failed persist leaves memory as it
 * was and answers 503. Until the state has been loaded from storaged every call answers 503: an
 * empty catalog is never served as if it were the real one.
 */
public class Catalog {

    private static final Log LOG = LogFactory.getLog(Catalog.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final CatalogStore store;
    private final CatalogJournal journal;
    private final CheckpointPolicy checkpoints;
    private final Clock clock;
    private final RegisterHook hook;
    private final RegisterLimits limits;
    private final ReentrantLock mutations = new ReentrantLock();
    private volatile CatalogState state;

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock) {
        this(store, journal, checkpoints, clock, RegisterHook.NONE);
    }

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock, RegisterHook hook) {
        this(store, journal, checkpoints, clock, hook, RegisterLimits.DEFAULTS);
    }

    public Catalog(CatalogStore store, CatalogJournal journal, CheckpointPolicy checkpoints, Clock clock, RegisterHook hook,
            RegisterLimits limits) {
        this.limits = limits;
        this.store = store;
        this.journal = journal;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.hook = hook;
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

    public boolean isLoaded() {
        return state != null;
    }

    public RegisterResponse register(Registration request, String actor) {
        mutations.lock();
        try {
            CatalogState current = loadedState();
            return switch (RegisterRules.decide(current, request, clock.instant(), limits)) {
                case RegisterDecision.Unchanged unchanged -> new RegisterResponse(RegisterResponse.UNCHANGED, unchanged.current());
                case RegisterDecision.Conflict conflict -> throw conflict(conflict.current(), request);
                case RegisterDecision.Changed changed -> {
                    beforeAcknowledge(current, changed.manifest());
                    publish(current, new CatalogChange.Registered(current.catalogVersion() + 1, changed.manifest()));
                    journal.registered(changed.previous(), changed.manifest(), actor);
                    yield new RegisterResponse(changed.created() ? RegisterResponse.CREATED : RegisterResponse.UPDATED,
                            changed.manifest());
                }
            };
        } finally {
            mutations.unlock();
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

    /** The hook's work (the Iceberg metadata) is durable before the change is, so an acknowledged version has it. */
    private void beforeAcknowledge(CatalogState current, DatasetManifest manifest) {
        List<DatasetManifest> history = new ArrayList<>(current.history(manifest.name()).orElse(List.of()));
        history.add(manifest);
        try {
            hook.beforeAcknowledge(List.copyOf(history));
        } catch (RuntimeException e) {
            LOG.warn("register of " + manifest.name() + " v" + manifest.version() + " refused: " + e.getMessage());
            throw new UnavailableException("the catalog could not write the version's table metadata through storaged ("
                    + e.getMessage() + "); nothing changed, retry later", RETRY_AFTER, null);
        }
    }

    /** Persist first, publish second: the caller is told only about durable state. */
    private void publish(CatalogState current, CatalogChange change) {
        try {
            store.append(change);
        } catch (RuntimeException e) {
            LOG.warn("catalog change " + change.sequence() + " not persisted: " + e.getMessage());
            throw new UnavailableException("the catalog could not persist the change through storaged ("
                    + e.getMessage() + "); nothing changed, retry later", RETRY_AFTER, null);
        }
        state = current.apply(change);
        checkpoints.afterChange(state);
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
