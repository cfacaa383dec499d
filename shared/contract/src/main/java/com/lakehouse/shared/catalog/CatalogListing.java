package com.lakehouse.shared.catalog;

import java.util.List;

/** {@code GET /catalog/list}: every current manifest and the catalog's change counter. */
public record CatalogListing(List<DatasetManifest> datasets, long catalogVersion) {

    public CatalogListing {
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
    }
}
