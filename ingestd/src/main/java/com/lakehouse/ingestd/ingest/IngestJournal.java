package com.lakehouse.ingestd.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.journal.JournalClient;

/**
 * One journal event per successful ingest (SPEC §5, §10): entity {@code dataset}, action
 * {@code ingest}, the version before and the ingest's answer after. Sent without waiting; when
 * observerd is down the shared client logs and retries, and the ingest has already succeeded.
 */
final class IngestJournal {

    static final String ENTITY_TYPE = "dataset";
    static final String ACTION = "ingest";

    private final JournalClient journal;

    IngestJournal(JournalClient journal) {
        this.journal = journal;
    }

    void ingested(IngestResponse response, Optional<DatasetManifest> before, String actor) {
        String oldValue = before.map(IngestJournal::summary).map(IngestJournal::json).orElse(null);
        journal.record(ENTITY_TYPE, response.datasetId(), ACTION, null, oldValue, json(response), actor);
    }

    private static Map<String, Object> summary(DatasetManifest manifest) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", manifest.version());
        summary.put("schema_fingerprint", manifest.schemaFingerprint());
        summary.put("row_count", manifest.rowCount());
        summary.put("objects", manifest.objects().size());
        return summary;
    }

    private static String json(Object value) {
        return LakehouseJson.mapper().writeValueAsString(value);
    }
}
