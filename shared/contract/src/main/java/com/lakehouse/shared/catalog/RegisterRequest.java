package com.lakehouse.shared.catalog;

import java.util.List;

/** {@code POST /catalog/register}: mode is {@code replace} (default) or {@code append}. */
public record RegisterRequest(
        String name,
        String schemaFingerprint,
        List<SchemaColumn> schema,
        List<DataObject> objects,
        String mode) {

    public RegisterRequest {
        schema = schema == null ? List.of() : List.copyOf(schema);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }
}
