package com.lakehouse.ingestd.ingest;

import java.util.List;

import com.lakehouse.shared.catalog.SchemaColumn;

/**
 * The answer to {@code POST /ingest} (SPEC §5). {@code rowCount}, {@code key} and {@code bytes}
 * describe the Parquet object of this upload; {@code version} is the dataset's version after it.
 *
 * @param existing true when the same file was already the live data, so nothing changed
 */
public record IngestResponse(
        String datasetId,
        String name,
        long version,
        long rowCount,
        List<SchemaColumn> schema,
        String fingerprint,
        String key,
        long bytes,
        boolean existing) {

    public IngestResponse {
        schema = List.copyOf(schema);
    }
}
