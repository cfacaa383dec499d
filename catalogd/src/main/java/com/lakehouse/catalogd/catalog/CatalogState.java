package com.lakehouse.catalogd.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.TreeMap;

import com.lakehouse.shared.catalog.DatasetManifest;

/**
 * An immutable snapshot of the catalog: every dataset's versions (oldest first) and the
 * {@code catalog_version}. Changes produce a new state, so a register can build its candidate,
 * persist it, and only then publish it; readers never see a half-applied change.
 *
 * <p>In memory a dataset keeps its current manifest whole and each older version as its manifest
 * without objects plus a {@link SharedObjects} list, which shares its storage with the versions
 * before it when the version was an append: the memory of a dataset's history grows with its
 * objects, not with versions × objects. A manifest of an older version is built when it is read;
 * what is read is the same as before.
 */
public final class CatalogState {

    private static final CatalogState EMPTY = new CatalogState(new TreeMap<>(), 0);

    private final Map<String, DatasetHistory> histories;
    private final long catalogVersion;

    private CatalogState(TreeMap<String, DatasetHistory> histories, long catalogVersion) {
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
        DatasetHistory history = histories.get(name);
        return history == null ? Optional.empty() : Optional.of(history.current());
    }

    /** Every version of the dataset, oldest first (a read-only list; each older manifest is built as it is read). */
    public Optional<List<DatasetManifest>> history(String name) {
        DatasetHistory history = histories.get(name);
        return history == null ? Optional.empty() : Optional.of(history.manifests());
    }

    /** The current manifest of every dataset, by name. */
    public List<DatasetManifest> currentManifests() {
        return histories.values().stream().map(DatasetHistory::current).toList();
    }

    public int datasetCount() {
        return histories.size();
    }

    /** The state after {@code change}; this one is left as it was. */
    public CatalogState apply(CatalogChange change) {
        TreeMap<String, DatasetHistory> next = new TreeMap<>(histories);
        switch (change) {
            case CatalogChange.Registered registered -> {
                DatasetManifest manifest = registered.manifest();
                DatasetHistory history = next.get(manifest.name());
                next.put(manifest.name(), history == null ? DatasetHistory.first(manifest) : history.then(manifest));
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
        histories.values().forEach(history -> history.manifests().forEach(m -> rows.add(new CatalogChange.Registered(catalogVersion, m))));
        rows.add(new CatalogChange.Checkpoint(catalogVersion));
        return rows;
    }

    /** One version kept without its objects, beside its shared object list. */
    private record Version(DatasetManifest header, SharedObjects objects) {

        static Version of(DatasetManifest manifest, SharedObjects objects) {
            return new Version(new DatasetManifest(manifest.datasetId(), manifest.name(), manifest.version(),
                    manifest.schemaFingerprint(), manifest.schema(), List.of(), manifest.rowCount(), manifest.createdAt(),
                    manifest.updatedAt()), objects);
        }

        DatasetManifest manifest() {
            return new DatasetManifest(header.datasetId(), header.name(), header.version(), header.schemaFingerprint(),
                    header.schema(), objects.list(), header.rowCount(), header.createdAt(), header.updatedAt());
        }
    }

    /** A dataset's versions: the older ones as {@link Version}s, the current one whole. */
    private record DatasetHistory(List<Version> older, Version last, DatasetManifest current) {

        static DatasetHistory first(DatasetManifest manifest) {
            return new DatasetHistory(List.of(), Version.of(manifest, SharedObjects.of(manifest.objects())), manifest);
        }

        DatasetHistory then(DatasetManifest manifest) {
            List<Version> before = new ArrayList<>(older.size() + 1);
            before.addAll(older);
            before.add(last);
            Version next = Version.of(manifest, last.objects().followedBy(manifest.objects()));
            return new DatasetHistory(Collections.unmodifiableList(before), next, manifest);
        }

        List<DatasetManifest> manifests() {
            return new Manifests(this);
        }
    }

    private static final class Manifests extends AbstractList<DatasetManifest> implements RandomAccess {
        private final DatasetHistory history;

        Manifests(DatasetHistory history) {
            this.history = history;
        }

        @Override
        public DatasetManifest get(int index) {
            int older = history.older().size();
            if (index == older) {
                return history.current();
            }
            return history.older().get(java.util.Objects.checkIndex(index, older)).manifest();
        }

        @Override
        public int size() {
            return history.older().size() + 1;
        }
    }
}
