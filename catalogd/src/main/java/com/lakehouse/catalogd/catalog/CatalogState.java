package com.lakehouse.catalogd.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * An immutable snapshot of the catalog: every dataset's versions (oldest first) and the
 * {@code catalog_version}. Changes produce a new state, so a register can build its candidate,
 * persist it, and only then publish it; readers never see a half-applied change.
 */
public final class CatalogState {

    private static final CatalogState EMPTY = new CatalogState(new TreeMap<>(), 0);

    private final Map<String, List<DatasetManifest>> histories;
    private final long catalogVersion;

    private CatalogState(TreeMap<String, List<DatasetManifest>> histories, long catalogVersion) {
        this.histories = Collections.unmodifiableMap(histories);
        this.catalogVersion = catalogVersion;
    }

    public static CatalogState empty() {
        return EMPTY;
    }

    /** The fold of changes in the order given. */
    public static CatalogState replay(List<CatalogChange> changes) {
        CatalogState state = EMPTY;
        for (CatalogChange change : changes) {
            state = state.apply(change);
        }
        return state;
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    public Optional<DatasetManifest> current(String name) {
        List<DatasetManifest> history = histories.get(name);
        return history == null ? Optional.empty() : Optional.of(history.getLast());
    }

    /** Every version of the dataset, oldest first. */
    public Optional<List<DatasetManifest>> history(String name) {
        return Optional.ofNullable(histories.get(name));
    }

    /** The current manifest of every dataset, by name. */
    public List<DatasetManifest> currentManifests() {
        return histories.values().stream().map(List::getLast).toList();
    }

    public int datasetCount() {
        return histories.size();
    }

    /** The state after {@code change}; this one is left as it was. */
    public CatalogState apply(CatalogChange change) {
        TreeMap<String, List<DatasetManifest>> next = new TreeMap<>(histories);
        switch (change) {
            case CatalogChange.Registered registered -> {
                DatasetManifest manifest = registered.manifest();
                List<DatasetManifest> history = new ArrayList<>(next.getOrDefault(manifest.name(), List.of()));
                history.add(manifest);
                next.put(manifest.name(), List.copyOf(history));
            }
            case CatalogChange.Deleted deleted -> next.remove(deleted.name());
            case CatalogChange.Checkpoint checkpoint -> { }
        }
        return new CatalogState(next, Math.max(catalogVersion, change.sequence()));
    }

    /**
     * The whole state as the rows of a snapshot at its {@code catalog_version}: every version of
     * every dataset (by name, oldest first), then the checkpoint marker.
     */
    public List<CatalogChange> asSnapshot() {
        List<CatalogChange> rows = new ArrayList<>();
        histories.values().forEach(history -> history.forEach(m -> rows.add(new CatalogChange.Registered(catalogVersion, m))));
        rows.add(new CatalogChange.Checkpoint(catalogVersion));
        return rows;
    }
}
