package com.lakehouse.ingestd;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;
import com.lakehouse.shared.text.Sizes;

/**
 * {@code [ingestd]} of lakehouse.toml (SPEC §5).
 *
 * @param bind              loopback address and port of the HTTP server
 * @param storagedUrl       where Parquet objects are written
 * @param catalogdUrl       where dataset versions are registered
 * @param observerdUrl      where journal events go (never waited on)
 * @param dataDir           spool files and DuckDB's spill directory live here
 * @param maxIngestBytes    largest upload body accepted by {@code POST /ingest}; more is a 413
 * @param sampleRows        data rows that decide each column's type
 * @param duckdbMemoryLimit DuckDB's {@code memory_limit}: past it a conversion spills to disk. 384MB, not
 *                          256MB: measured on the 500K-row benchmark, 256MB made the conversion spill and
 *                          take ~1.5x as long, while 384MB converts as fast as an unlimited DuckDB and keeps
 *                          ingestd's RSS well under 1 GiB
 * @param duckdbThreads     DuckDB's {@code threads}
 * @param maxBodyBytes      body cap of every route but the upload
 * @param maxConcurrentIngests ingests spooled and converted at once; each holds up to max_ingest_bytes of
 *                          spool disk and a DuckDB conversion, so the bound caps both
 * @param ingestQueueWait   how long an ingest past that bound waits for a turn before its 503 with Retry-After
 */
@ConfigurationProperties("lakehouse.ingestd")
public record IngestdProperties(
        @DefaultValue(FleetPorts.INGESTD_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.CATALOGD_URL) String catalogdUrl,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("data/ingestd") String dataDir,
        @DefaultValue("268435456") long maxIngestBytes,
        @DefaultValue("1000") int sampleRows,
        @DefaultValue("384MB") String duckdbMemoryLimit,
        @DefaultValue("2") int duckdbThreads,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue("4") int maxConcurrentIngests,
        @DefaultValue("10s") Duration ingestQueueWait) {

    public IngestdProperties {
        if (maxIngestBytes < 1) {
            throw new IllegalArgumentException("[ingestd] max_ingest_bytes must be positive");
        }
        if (sampleRows < 1) {
            throw new IllegalArgumentException("[ingestd] sample_rows must be at least 1");
        }
        if (duckdbThreads < 1) {
            throw new IllegalArgumentException("[ingestd] duckdb_threads must be at least 1");
        }
        if (!Sizes.isSize(duckdbMemoryLimit)) {
            throw new IllegalArgumentException("[ingestd] duckdb_memory_limit = '" + duckdbMemoryLimit
                    + "' is not a size such as \"256MB\" or \"1GiB\"");
        }
        if (maxConcurrentIngests < 1) {
            throw new IllegalArgumentException("[ingestd] max_concurrent_ingests must be at least 1");
        }
        if (ingestQueueWait.isNegative()) {
            throw new IllegalArgumentException("[ingestd] ingest_queue_wait must not be negative");
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("[ingestd] data_dir must not be empty");
        }
    }
}
