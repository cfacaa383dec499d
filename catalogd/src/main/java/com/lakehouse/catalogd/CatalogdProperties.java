package com.lakehouse.catalogd;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.catalog.SchemaLimits;
import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [catalogd]} of lakehouse.toml (SPEC §4).
 *
 * @param bind             the listen address (the shared bind gate checks it)
 * @param storagedUrl      where the catalog's Parquet state is persisted
 * @param observerdUrl     where journal events go
 * @param dataDir          scratch space for Parquet files on their way to and from storaged
 * @param storagedTimeout  the longest one persist or load call may take; a register waits on it
 * @param rehydrateRetry   the pause between attempts to load the catalog while storaged is unreachable
 * @param checkpointEvery  changes between two snapshots of the whole catalog (bounds restart time)
 * @param maxBodyBytes     request body cap
 * @param maxColumns       columns in a register's schema (422 above)
 * @param maxColumnNameBytes UTF-8 bytes of a column name (422 above)
 * @param maxObjects       objects in one register and in one dataset version (413 above)
 * @param maxObjectKeyBytes UTF-8 bytes of an object key (422 above)
 * @param maxEtagBytes     UTF-8 bytes of an object's etag (422 above)
 * @param maxConcurrentRegisters registers holding a body in memory at once
 * @param registerWait     how long a register waits for one of those slots before 503 with Retry-After
 */
@ConfigurationProperties("lakehouse.catalogd")
public record CatalogdProperties(
        @DefaultValue(FleetPorts.CATALOGD_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("data/catalogd") String dataDir,
        @DefaultValue("30s") Duration storagedTimeout,
        @DefaultValue("2s") Duration rehydrateRetry,
        @DefaultValue("64") int checkpointEvery,
        @DefaultValue("16777216") long maxBodyBytes,
        @DefaultValue("" + SchemaLimits.MAX_COLUMNS) int maxColumns,
        @DefaultValue("" + SchemaLimits.MAX_COLUMN_NAME_BYTES) int maxColumnNameBytes,
        @DefaultValue("100000") int maxObjects,
        @DefaultValue("1024") int maxObjectKeyBytes,
        @DefaultValue("128") int maxEtagBytes,
        @DefaultValue("4") int maxConcurrentRegisters,
        @DefaultValue("10s") Duration registerWait) {
}
