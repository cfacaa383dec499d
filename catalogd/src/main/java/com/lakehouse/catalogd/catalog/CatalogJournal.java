package com.lakehouse.catalogd.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.journal.JournalClient;

/**
 * Journal events (SPEC §10) for the catalog's mutations: one per register that changed something
 * and one per delete, with a bounded summary of the manifest before and after. Registers of the
 * journal's own dataset are not journaled: observerd registers its journal files, and journaling
 * that would feed the journal from itself forever.
 */
public class CatalogJournal {

    /** The dataset observerd registers for its own journal files. */
    public static final String JOURNAL_DATASET = "lakehouse_journal";
    static final String ENTITY_TYPE = "dataset";

    private final JournalClient journal;

    public CatalogJournal(JournalClient journal) {
        this.journal = journal;
    }

    public void registered(DatasetManifest previous, DatasetManifest manifest, String actor) {
        if (JOURNAL_DATASET.equals(manifest.name())) {
            return;
        }
        journal.record(ENTITY_TYPE, manifest.datasetId(), "register", null, summary(previous), summary(manifest), actor);
    }

    /** Deletes are journaled for every dataset: a delete is an operator's act, never a loop. */
    public void deleted(DatasetManifest manifest, String actor) {
        journal.record(ENTITY_TYPE, manifest.datasetId(), "delete", null, summary(manifest), null, actor);
    }

    /** Enough to audit a change without copying a manifest of thousands of objects into the journal. */
    static String summary(DatasetManifest manifest) {
        if (manifest == null) {
            return null;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", manifest.name());
        summary.put("version", manifest.version());
        summary.put("schema_fingerprint", manifest.schemaFingerprint());
        summary.put("object_count", manifest.objects().size());
        summary.put("row_count", manifest.rowCount());
        return LakehouseJson.mapper().writeValueAsString(summary);
    }
}
