package com.lakehouse.queryd;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;
import com.lakehouse.shared.text.Sizes;

/**
 * {@code [queryd]} (SPEC §6). Sizes are bytes, durations strings such as {@code "30s"}.
 *
 * @param bind              listen address (handled by shared's bind gate)
 * @param storagedUrl       where the Parquet objects are copied from
 * @param catalogdUrl       where the dataset list comes from
 * @param dataDir           local state; the Parquet cache lives in {@code data_dir/cache}
 * @param cacheBytes        size the cache is evicted down to (files a view uses are never evicted)
 * @param maxRows           rows returned when a request names none
 * @param maxRowsCap        hard cap on a request's {@code max_rows}
 * @param statementTimeout  a statement running longer is cancelled and answered 504
 * @param memoryLimit       DuckDB {@code memory_limit}, e.g. {@code "512MB"}
 * @param threads           DuckDB worker threads; 0 keeps DuckDB's default (one per core)
 * @param refreshEvery      background catalog check for changes made elsewhere
 * @param maxBodyBytes      request body cap (SPEC §6: 64 KiB)
 * @param vectordUrl        where {@code vector_search()} searches
 * @param embeddUrl         where {@code vector_search()} embeds its query text
 * @param exportMaxRows     row cap of a streamed CSV or Arrow result (may exceed {@code max_rows_cap})
 * @param maxSqlBytes       longest {@code sql} text a request may send (UTF-8 bytes; over it 413)
 * @param workers           statements running at once (DuckDB parallelises inside each one)
 * @param queueLimit        statements waiting for a worker beyond {@code workers}; past it 503 with Retry-After
 * @param maxResultBytes    size of a JSON or Arrow result held in memory; past it 413 (CSV streams)
 * @param maxTempDirectorySize DuckDB {@code max_temp_directory_size}: the most a query may spill to disk
 */
@ConfigurationProperties("lakehouse.queryd")
public record QuerydProperties(
        @DefaultValue(FleetPorts.QUERYD_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.CATALOGD_URL) String catalogdUrl,
        @DefaultValue("data/queryd") String dataDir,
        @DefaultValue("2147483648") long cacheBytes,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("100000") int maxRowsCap,
        @DefaultValue("30s") Duration statementTimeout,
        @DefaultValue("512MB") String memoryLimit,
        @DefaultValue("0") int threads,
        @DefaultValue("5s") Duration refreshEvery,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue(FleetPorts.VECTORD_URL) String vectordUrl,
        @DefaultValue(FleetPorts.EMBEDD_URL) String embeddUrl,
        @DefaultValue("10000000") long exportMaxRows,
        @DefaultValue("32768") int maxSqlBytes,
        @DefaultValue("16") int workers,
        @DefaultValue("64") int queueLimit,
        @DefaultValue("16777216") long maxResultBytes,
        @DefaultValue("4GiB") String maxTempDirectorySize) {

    public QuerydProperties {
        // These values reach DuckDB SET statements or bound loops: refuse nonsense at startup.
        if (!Sizes.isSize(memoryLimit)) {
            throw new IllegalStateException("[queryd] memory_limit = '" + memoryLimit + "' is not a size such as \"512MB\"");
        }
        if (maxRows < 1 || maxRowsCap < 1 || exportMaxRows < 1) {
            throw new IllegalStateException("[queryd] max_rows, max_rows_cap and export_max_rows must be at least 1");
        }
        if (!Sizes.isSize(maxTempDirectorySize)) {
            throw new IllegalStateException("[queryd] max_temp_directory_size = '" + maxTempDirectorySize
                    + "' is not a size such as \"4GiB\"");
        }
        if (maxSqlBytes < 1 || workers < 1 || queueLimit < 0 || maxResultBytes < 1) {
            throw new IllegalStateException("[queryd] max_sql_bytes, workers and max_result_bytes must be at least 1,"
                    + " queue_limit at least 0");
        }
        if (threads < 0) {
            throw new IllegalStateException("[queryd] threads must be 0 (DuckDB default) or more");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalStateException("[queryd] statement_timeout must be positive");
        }
    }

    /** The default row limit, never above the cap. */
    public int effectiveMaxRows(Integer requested) {
        int wanted = requested == null ? maxRows : requested;
        return Math.min(wanted, maxRowsCap);
    }
}
