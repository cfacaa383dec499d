package com.lakehouse.shared.catalog;

import java.util.List;

/**
 * A dataset version as catalogd keeps it (SPEC §4). Immutable: the lists are copied on the way
 * in, so a caller holding a manifest cannot change the catalog's.
 */
public record DatasetManifest(
        String datasetId,
        String name,
        long version,
        String schemaFingerprint,
        List<SchemaColumn> schema,
        List<DataObject> objects,
        long rowCount,
        String createdAt,
        String updatedAt) {

    public DatasetManifest {
        schema = schema == null ? List.of() : List.copyOf(schema);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }
}
