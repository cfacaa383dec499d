package com.lakehouse.catalogd.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.lakehouse.shared.catalog.DataObject;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;

/**
 * The register contract of SPEC §4 (ADR-020 idempotency) as a pure function of the current state:
 * new name → version 1; same fingerprint and object set → unchanged; same fingerprint, other objects
 * → version + 1; other fingerprint → conflict.
 *
 * <p>Objects are compared as a set of (key, etag) pairs, order ignored. {@code append} adds each
 * requested object whose key is not yet in the manifest; a key already there with another etag
 * (the object was rewritten in place) has its entry replaced, which is a new version too.
 */
public final class RegisterRules {

    private RegisterRules() {
    }

    public static RegisterDecision decide(CatalogState state, Registration request, Instant now) {
        return decide(state, request, now, RegisterLimits.DEFAULTS);
    }

    /**
     * As {@link #decide(CatalogState, Registration, Instant)}, refusing a version that would hold more
     * than {@code max_objects} objects (an append past it: 413) or more than 2^53-1 rows in all (422).
     */
    public static RegisterDecision decide(CatalogState state, Registration request, Instant now, RegisterLimits limits) {
        Optional<DatasetManifest> existing = state.current(request.name());
        if (existing.isEmpty()) {
            return new RegisterDecision.Changed(null, manifest(request, 1, request.schema(),
                    bounded(request.objects(), limits), now.toString(), now.toString()));
        }
        DatasetManifest current = existing.get();
        if (!current.schemaFingerprint().equals(request.schemaFingerprint())) {
            return new RegisterDecision.Conflict(current);
        }
        List<DataObject> objects = request.mode() == Registration.Mode.APPEND
                ? appended(current.objects(), request.objects())
                : request.objects();
        if (sameObjectSet(current.objects(), objects)) {
            return new RegisterDecision.Unchanged(current);
        }
        List<SchemaColumn> schema = request.mode() == Registration.Mode.APPEND
                ? widenedNullability(current.schema(), request.schema())
                : request.schema();
        return new RegisterDecision.Changed(current, manifest(request, current.version() + 1, schema, bounded(objects, limits),
                current.createdAt(), now.toString()));
    }

    /** Same keys with the same etags, whatever the order. */
    static boolean sameObjectSet(List<DataObject> a, List<DataObject> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, String> etags = etagsByKey(a);
        for (DataObject object : b) {
            if (!etags.containsKey(object.key()) || !Objects.equals(etags.get(object.key()), object.etag())) {
                return false;
            }
        }
        return true;
    }

    private static List<DataObject> appended(List<DataObject> current, List<DataObject> added) {
        Map<String, DataObject> byKey = new LinkedHashMap<>();
        current.forEach(o -> byKey.put(o.key(), o));
        for (DataObject object : added) {
            DataObject present = byKey.get(object.key());
            if (present == null || !Objects.equals(present.etag(), object.etag())) {
                byKey.put(object.key(), object);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * The fingerprint leaves nullability out (a column gaining nulls is not a schema change), so an
     * append keeps a column nullable once any of its objects may hold nulls.
     */
    private static List<SchemaColumn> widenedNullability(List<SchemaColumn> current, List<SchemaColumn> requested) {
        List<SchemaColumn> merged = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SchemaColumn column = requested.get(i);
            boolean wasNullable = i < current.size() && current.get(i).nullable();
            merged.add(new SchemaColumn(column.name(), column.type(), column.nullable() || wasNullable));
        }
        return merged;
    }

    private static List<DataObject> bounded(List<DataObject> objects, RegisterLimits limits) {
        if (objects.size() > limits.maxObjects()) {
            throw Registration.tooManyObjects(objects.size(), limits);
        }
        return objects;
    }

    /** The version's row count; past 2^53-1 (or a long) the register is refused, nothing changed. */
    private static long rowCount(List<DataObject> objects) {
        long rows = 0;
        for (DataObject object : objects) {
            try {
                rows = Math.addExact(rows, object.rowCount());
            } catch (ArithmeticException e) {
                rows = Long.MAX_VALUE;
            }
            if (rows > RegisterLimits.MAX_COUNT) {
                throw new RegisterBound("objects[].row_count", RegisterLimits.MAX_COUNT, null)
                        .unprocessable("of the version's objects add up to more than 2^53-1 rows");
            }
        }
        return rows;
    }

    private static Map<String, String> etagsByKey(List<DataObject> objects) {
        Map<String, String> etags = new LinkedHashMap<>();
        objects.forEach(o -> etags.put(o.key(), o.etag()));
        return etags;
    }

    private static DatasetManifest manifest(Registration request, long version, List<SchemaColumn> schema,
            List<DataObject> objects, String createdAt, String updatedAt) {
        long rows = rowCount(objects);
        return new DatasetManifest(DatasetIds.of(request.name()).toString(), request.name(), version,
                request.schemaFingerprint(), schema, objects, rows, createdAt, updatedAt);
    }
}
