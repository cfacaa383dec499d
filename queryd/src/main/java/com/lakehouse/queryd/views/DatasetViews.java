package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.lakehouse.queryd.engine.DuckDbEngine;
import com.lakehouse.queryd.sandbox.ErrorRedactor;
import com.lakehouse.shared.catalog.CatalogClient;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.DatasetNames;
import com.lakehouse.shared.duckdb.DuckDbSql;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.error.UnprocessableException;
import com.lakehouse.shared.health.HealthState;

/**
 * Keeps one DuckDB view per catalog dataset (SPEC §6). {@link #refresh()} runs before every request
 * and asks catalogd for the listing with the ETag of the last one applied: an unchanged catalog
 * costs one 304, a changed one is applied before the request's query runs (read-your-writes with no
 * polling delay). New objects are downloaded first, then each view is replaced in one DDL statement
 * (DuckDB's catalog is transactional, so a running query keeps the definition it bound), then the
 * new generation of files is published and the cache evicted.
 */
public final class DatasetViews {

    private static final Log LOG = LogFactory.getLog(DatasetViews.class);
    private static final long WARN_EVERY_MS = 60_000;
    /** Past versions kept defined at once; the least recently used beyond this is dropped. */
    static final int PINNED_VERSIONS = 64;

    private final CatalogClient catalog;
    private final ParquetCache cache;
    private final DuckDbEngine engine;
    private final ViewGenerations generations;
    private final ErrorRedactor redactor;
    private final HealthState health;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, LiveView> live = new TreeMap<>();
    /** Views of named versions ({@code name@vN}), defined on first use; access order for LRU. */
    private final LinkedHashMap<String, LiveView> pinned = new LinkedHashMap<>(16, 0.75f, true);
    /** Version numbers by dataset, for {@code /sql/tables}; keyed by the current version they were read at. */
    private final Map<String, VersionList> versionLists = new TreeMap<>();
    /** Dataset versions whose schema cannot be a view (reported to {@link HealthState} once each). */
    private final Set<String> refused = new HashSet<>();
    private volatile String etag;
    private long lastWarning;

    public DatasetViews(CatalogClient catalog, ParquetCache cache, DuckDbEngine engine,
                        ViewGenerations generations, ErrorRedactor redactor, HealthState health) {
        this.catalog = catalog;
        this.cache = cache;
        this.engine = engine;
        this.generations = generations;
        this.redactor = redactor;
        this.health = health;
    }

    /**
     * Applies the catalog's changes since the last call. When catalogd cannot be reached the views
     * stay as they are (queries keep working) and a warning is logged at most once a minute.
     */
    public void refresh() {
        lock.lock();
        try {
            Optional<CatalogClient.Listing> listing;
            try {
                listing = catalog.listIfChanged(etag);
            } catch (RuntimeException e) {
                warn("catalog unreachable, serving the views as they are: " + e.getMessage());
                return;
            }
            if (listing.isPresent() && apply(listing.get().listing())) {
                etag = listing.get().etag();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The views as they are now, by name. */
    public List<LiveView> views() {
        lock.lock();
        try {
            return List.copyOf(live.values());
        } finally {
            lock.unlock();
        }
    }

    /**
     * The identifier of a view of version {@code version} of dataset {@code name}, defined now if it
     * is not yet. Versions are immutable manifests in catalogd over content-addressed objects, so the
     * view is right forever (until the dataset is deleted, which drops it) and survives nothing but is
     * rebuilt the same after a restart.
     *
     * @throws NotFoundException      no such dataset or version (404)
     * @throws UnprocessableException that version's schema names a column type outside the closed
     *                                grammar, or a column without a name: it has no view (422)
     */
    public String versionView(String name, long version) {
        if (!DatasetNames.isValid(name)) {
            throw new NotFoundException("no dataset named '" + name + "'");
        }
        String viewName = name + "@v" + version;
        lock.lock();
        try {
            if (pinned.get(viewName) != null) {
                return DuckDbSql.identifier(viewName);
            }
            List<DatasetManifest> versions = catalog.versions(name).versions();
            DatasetManifest manifest = versions.stream().filter(m -> m.version() == version).findFirst()
                    .orElseThrow(() -> new NotFoundException("dataset '" + name + "' has no version " + version
                            + " (versions: " + versions.stream().map(m -> Long.toString(m.version())).toList() + ")"));
            LiveView view = defineView(viewName, manifest)
                    .orElseThrow(() -> new NotFoundException("version " + version + " of '" + name
                            + "' has no objects and no usable schema"));
            pinned.put(viewName, view);
            while (pinned.size() > PINNED_VERSIONS) {
                String eldest = pinned.keySet().iterator().next();
                dropQuietly(eldest);
                pinned.remove(eldest);
            }
            publish();
            return DuckDbSql.identifier(viewName);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot define a view of " + name + " version " + version + ": "
                    + redactor.redact(e.getMessage()), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The version numbers of a dataset as catalogd keeps them, oldest first. Asked of catalogd once
     * per current version of the dataset: the list only grows when the dataset changes.
     */
    public List<Long> versions(LiveView view) {
        lock.lock();
        try {
            VersionList known = versionLists.get(view.name());
            if (known != null && known.current() == view.version()) {
                return known.versions();
            }
        } finally {
            lock.unlock();
        }
        List<Long> versions = catalog.versions(view.name()).versions().stream().map(DatasetManifest::version).toList();
        lock.lock();
        try {
            versionLists.put(view.name(), new VersionList(view.version(), versions));
        } finally {
            lock.unlock();
        }
        return versions;
    }

    private record VersionList(long current, List<Long> versions) {
    }

    /** @return true when every dataset was applied; false leaves the ETag alone so the next call retries */
    private boolean apply(CatalogListing listing) {
        boolean complete = true;
        Map<String, DatasetManifest> wanted = listing.datasets().stream()
                .collect(Collectors.toMap(DatasetManifest::name, m -> m, (a, b) -> b, TreeMap::new));
        for (String name : new ArrayList<>(live.keySet())) {
            if (!wanted.containsKey(name)) {
                complete &= drop(name);
            }
        }
        for (DatasetManifest manifest : wanted.values()) {
            LiveView before = live.get(manifest.name());
            if (before != null && manifest.version() < before.version()) {
                dropPinned(manifest.name()); // deleted and registered again: its version numbers start over
            }
            complete &= define(manifest);
        }
        publish();
        return complete;
    }

    /** Publishes the files of every defined view (current and pinned) and evicts the rest. */
    private void publish() {
        Set<Path> files = new HashSet<>();
        live.values().forEach(v -> files.addAll(v.files()));
        pinned.values().forEach(v -> files.addAll(v.files()));
        generations.publish(files);
        cache.markUsed(files);
        cache.evict(generations.protectedFiles());
    }

    private void dropPinned(String dataset) {
        versionLists.remove(dataset);
        pinned.keySet().removeIf(viewName -> {
            if (viewName.startsWith(dataset + "@v")) {
                dropQuietly(viewName);
                return true;
            }
            return false;
        });
    }

    private void dropQuietly(String viewName) {
        try {
            engine.define(List.of(ViewDefinitions.drop(viewName)));
        } catch (SQLException e) {
            warn("cannot drop view " + viewName + ": " + redactor.redact(e.getMessage()));
        }
    }

    private boolean drop(String name) {
        try {
            engine.define(List.of(ViewDefinitions.drop(name)));
            live.remove(name);
            dropPinned(name);
            return true;
        } catch (SQLException e) {
            warn("cannot drop view " + name + ": " + redactor.redact(e.getMessage()));
            return false;
        }
    }

    private boolean define(DatasetManifest manifest) {
        String name = manifest.name();
        if (!DatasetNames.isValid(name)) {
            warn("skipping dataset with a name that cannot be a view: " + name);
            return true;
        }
        List<String> keys = manifest.objects().stream().map(DataObject::key).toList();
        LiveView current = live.get(name);
        if (current != null && current.version() == manifest.version() && current.keys().equals(keys)) {
            return true;
        }
        Optional<String> unusable = ViewDefinitions.refusal(manifest.schema());
        if (unusable.isPresent()) {
            // No view at all rather than a stale one: the catalog's current version is this one.
            if (current != null && !drop(name)) {
                return false;
            }
            refuse(name + "@v" + manifest.version(), unusable.get());
            return true;
        }
        try {
            Optional<LiveView> view = defineView(name, manifest);
            if (view.isEmpty()) {
                warn("dataset " + name + " has no objects and no usable schema; no view");
                return true;
            }
            live.put(name, view.get());
            return true;
        } catch (SQLException | RuntimeException e) {
            warn("cannot refresh view " + name + " to version " + manifest.version() + ": " + redactor.redact(e.getMessage()));
            return false;
        }
    }

    /** Reports a dataset version whose schema cannot be a view, once: {@code /health} says degraded. */
    private void refuse(String viewName, String reason) {
        if (refused.add(viewName)) {
            health.quarantined("catalog datasets", "catalog dataset " + viewName, "no view: " + reason);
        }
    }

    /**
     * Defines view {@code viewName} over the manifest's objects, downloaded first; empty when it cannot be a view.
     *
     * @throws UnprocessableException the schema is one {@link ViewDefinitions#refusal} refuses
     */
    private Optional<LiveView> defineView(String viewName, DatasetManifest manifest) throws SQLException {
        Optional<String> unusable = ViewDefinitions.refusal(manifest.schema());
        if (unusable.isPresent()) {
            refuse(viewName, unusable.get());
            throw new UnprocessableException("version " + manifest.version() + " of dataset '" + manifest.name()
                    + "' cannot be queried: its " + unusable.get());
        }
        List<String> keys = manifest.objects().stream().map(DataObject::key).toList();
        List<Path> files = keys.stream().map(cache::ensure).toList();
        Optional<String> ddl = files.isEmpty()
                ? ViewDefinitions.createEmpty(viewName, manifest.schema())
                : Optional.of(ViewDefinitions.create(viewName, files, engine.cacheDir()));
        if (ddl.isEmpty()) {
            return Optional.empty();
        }
        engine.define(List.of(ddl.get()));
        return Optional.of(new LiveView(viewName, manifest.version(), manifest.rowCount(), keys, files));
    }

    private void warn(String message) {
        long now = System.currentTimeMillis();
        if (now - lastWarning >= WARN_EVERY_MS) {
            lastWarning = now;
            LOG.warn("queryd views: " + message);
        }
    }
}
