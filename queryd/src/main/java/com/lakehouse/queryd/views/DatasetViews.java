package com.lakehouse.queryd.views;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
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

    private final CatalogClient catalog;
    private final ParquetCache cache;
    private final DuckDbEngine engine;
    private final ViewGenerations generations;
    private final ErrorRedactor redactor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, LiveView> live = new TreeMap<>();
    private volatile String etag;
    private long lastWarning;

    public DatasetViews(CatalogClient catalog, ParquetCache cache, DuckDbEngine engine,
                        ViewGenerations generations, ErrorRedactor redactor) {
        this.catalog = catalog;
        this.cache = cache;
        this.engine = engine;
        this.generations = generations;
        this.redactor = redactor;
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
            complete &= define(manifest);
        }
        Set<Path> files = new HashSet<>();
        live.values().forEach(v -> files.addAll(v.files()));
        generations.publish(files);
        cache.markUsed(files);
        cache.evict(generations.protectedFiles());
        return complete;
    }

    private boolean drop(String name) {
        try {
            engine.define(List.of(ViewDefinitions.drop(name)));
            live.remove(name);
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
        try {
            List<Path> files = keys.stream().map(cache::ensure).toList();
            Optional<String> ddl = files.isEmpty()
                    ? ViewDefinitions.createEmpty(name, manifest.schema())
                    : Optional.of(ViewDefinitions.create(name, files, engine.cacheDir()));
            if (ddl.isEmpty()) {
                warn("dataset " + name + " has no objects and no usable schema; no view");
                return true;
            }
            engine.define(List.of(ddl.get()));
            live.put(name, new LiveView(name, manifest.version(), manifest.rowCount(), keys, files));
            return true;
        } catch (SQLException | RuntimeException e) {
            warn("cannot refresh view " + name + " to version " + manifest.version() + ": " + redactor.redact(e.getMessage()));
            return false;
        }
    }

    private void warn(String message) {
        long now = System.currentTimeMillis();
        if (now - lastWarning >= WARN_EVERY_MS) {
            lastWarning = now;
            LOG.warn("queryd views: " + message);
        }
    }
}
