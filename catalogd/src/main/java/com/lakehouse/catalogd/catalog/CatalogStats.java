package com.lakehouse.catalogd.catalog;

import java.util.List;

/**
 * {@code GET /catalog/stats}.
 *
 * @param loaded             whether the catalog has been loaded from storaged (until then the other routes answer 503)
 * @param datasets           datasets in the catalog
 * @param catalogVersion     the catalog's change counter
 * @param quarantined        stored records the load skipped and set aside under {@code _catalog/quarantine/}
 * @param quarantinedRecords the first of them: where each was, where its copy is, and why
 */
public record CatalogStats(boolean loaded, int datasets, long catalogVersion, long quarantined,
        List<CatalogQuarantine.Entry> quarantinedRecords) {
}
