package com.lakehouse.shared.storage;

import java.util.List;

/** One page of {@code GET /storage/list}: keys in order, and where the next page starts. */
public record ObjectPage(List<StoredObject> objects, boolean truncated, String next) {

    public ObjectPage {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }
}
