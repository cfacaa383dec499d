package com.lakehouse.shared.catalog;

import java.util.List;

/** {@code GET /catalog/manifest/{name}/versions}: every version, oldest first. */
public record ManifestVersions(String name, List<DatasetManifest> versions) {

    public ManifestVersions {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
