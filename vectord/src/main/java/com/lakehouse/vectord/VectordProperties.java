package com.lakehouse.vectord;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

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
        @DefaultValue("20s") Duration storageWait) {
}
