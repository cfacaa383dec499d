package com.lakehouse.vectord;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;
import com.lakehouse.vectord.engine.IndexSpec;

/**
 * {@code [vectord]} in lakehouse.toml (SPEC §7).
 *
 * @param bind            listen address
 * @param storagedUrl     where commit points and index files are persisted; empty keeps indexes in
 *                        {@code data_dir} only
 * @param observerdUrl    where journal events go; empty journals nothing
 * @param dataDir         one Lucene index directory per vector index
 * @param commitDebounce  the window that coalesces mutations into one commit
 * @param defaultEf       HNSW candidates explored per search when the request names none
 * @param maxK            the most hits one search may ask for
 * @param maxBodyBytes    request body cap (vector batches are large: 64 MiB)
 * @param ramBufferMb     Lucene's indexing buffer per index before it flushes a segment
 * @param storageWait     how long startup waits for an unreachable storaged before serving local indexes only
 * @param maxDimension    the largest dimension an index may have (at most the engine's 4096)
 * @param maxBatchItems   items in one add (more: 413)
 * @param maxIdBytes      UTF-8 bytes of an item id (more: 422)
 * @param maxMetadataKeys top-level metadata keys of one item, and keys of one search filter (more: 422)
 * @param maxMetadataKeyBytes   UTF-8 bytes of one metadata key (more: 422)
 * @param maxMetadataValueBytes JSON bytes of one metadata value (more: 422)
 * @param maxMetadataDepth      nesting of arrays and objects in one metadata value (more: 422)
 */
@ConfigurationProperties("lakehouse.vectord")
public record VectordProperties(
        @DefaultValue(FleetPorts.VECTORD_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("data/vectord") String dataDir,
        @DefaultValue("500ms") Duration commitDebounce,
        @DefaultValue("64") int defaultEf,
        @DefaultValue("1000") int maxK,
        @DefaultValue("67108864") long maxBodyBytes,
        @DefaultValue("64") int ramBufferMb,
        @DefaultValue("20s") Duration storageWait,
        @DefaultValue("4096") int maxDimension,
        @DefaultValue("10000") int maxBatchItems,
        @DefaultValue("512") int maxIdBytes,
        @DefaultValue("64") int maxMetadataKeys,
        @DefaultValue("128") int maxMetadataKeyBytes,
        @DefaultValue("4096") int maxMetadataValueBytes,
        @DefaultValue("4") int maxMetadataDepth) {

    public VectordProperties {
        if (maxDimension < 1 || maxDimension > IndexSpec.MAX_DIMENSION) {
            throw new IllegalArgumentException("[vectord] max_dimension must be between 1 and " + IndexSpec.MAX_DIMENSION
                    + ", got " + maxDimension);
        }
        // Metadata terms are key NUL value in one Lucene term, whose hard limit is 32,766 bytes.
        if (maxMetadataKeyBytes < 1 || maxMetadataValueBytes < 1 || maxMetadataKeyBytes + maxMetadataValueBytes > 32_000) {
            throw new IllegalArgumentException("[vectord] max_metadata_key_bytes + max_metadata_value_bytes must be"
                    + " between 2 and 32000");
        }
        if (maxIdBytes < 1 || maxIdBytes > 32_000) {
            throw new IllegalArgumentException("[vectord] max_id_bytes must be between 1 and 32000, got " + maxIdBytes);
        }
        if (maxBatchItems < 1 || maxMetadataKeys < 0 || maxMetadataDepth < 0) {
            throw new IllegalArgumentException("[vectord] max_batch_items must be positive; max_metadata_keys and"
                    + " max_metadata_depth not negative");
        }
    }
}
