package com.lakehouse.storaged;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [storaged]} of lakehouse.toml (SPEC §3).
 *
 * @param bind              loopback address and port of the HTTP server
 * @param maxPutBytes       largest object a PUT may store unless a prefix cap says otherwise
 * @param prefixCaps        per key prefix caps ({@code [storaged.prefix_caps]}, e.g. {@code "datasets/" = 2147483648});
 *                          the longest matching prefix wins over {@code maxPutBytes}
 * @param maxConcurrentPuts uploads in flight at once
 * @param putQueueWait      how long a PUT waits for a slot before it gets 503 + Retry-After
 * @param partBytes         multipart part size; a multipart upload holds at most two parts in memory
 * @param singlePutMaxBytes a body with a Content-Length up to this goes to S3 as one streamed PutObject
 *                          (S3's own single-PUT limit is 5 GiB); chunked bodies and longer ones go multipart
 * @param maxBodyBytes      body cap of every route but object PUTs (which stream under their own caps)
 * @param fleetPutSlots     further upload slots only for PUTs that carry the fleet's service header
 *                          ({@code X-Lakehouse-Service}, sent by shared's StorageClient), so outside uploads
 *                          holding every {@code maxConcurrentPuts} slot cannot starve the fleet's own writes
 * @param uploadIdleTimeout an upload whose client sends nothing for this long is cut (408) and frees its slot
 * @param uploadMinBytesPerSecond an upload slower than this over a whole {@code uploadRateWindow} is cut (408)
 * @param uploadRateWindow  the span over which the minimum rate is measured
 */
@ConfigurationProperties("lakehouse.storaged")
public record StoragedProperties(
        @DefaultValue(FleetPorts.STORAGED_BIND) String bind,
        @DefaultValue("268435456") long maxPutBytes,
        @DefaultValue Map<String, Long> prefixCaps,
        @DefaultValue("4") int maxConcurrentPuts,
        @DefaultValue("10s") Duration putQueueWait,
        @DefaultValue("8388608") int partBytes,
        @DefaultValue("5368709120") long singlePutMaxBytes,
        @DefaultValue("65536") long maxBodyBytes,
        @DefaultValue("4") int fleetPutSlots,
        @DefaultValue("30s") Duration uploadIdleTimeout,
        @DefaultValue("8192") long uploadMinBytesPerSecond,
        @DefaultValue("10s") Duration uploadRateWindow) {

    public StoragedProperties {
        prefixCaps = prefixCaps == null ? Map.of() : Map.copyOf(prefixCaps);
        if (maxConcurrentPuts < 1) {
            throw new IllegalArgumentException("[storaged] max_concurrent_puts must be at least 1");
        }
        if (fleetPutSlots < 1) {
            throw new IllegalArgumentException("[storaged] fleet_put_slots must be at least 1");
        }
        if (uploadIdleTimeout.toMillis() < 1 || uploadRateWindow.toMillis() < 1) {
            throw new IllegalArgumentException("[storaged] upload_idle_timeout and upload_rate_window must be positive");
        }
        if (uploadMinBytesPerSecond < 0) {
            throw new IllegalArgumentException("[storaged] upload_min_bytes_per_second must be 0 (off) or more");
        }
        // S3 refuses parts under 5 MiB (except the last one).
        if (partBytes < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("[storaged] part_bytes must be at least 5242880 (S3's smallest part)");
        }
        if (singlePutMaxBytes > 5L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException("[storaged] single_put_max_bytes must be at most 5368709120 (S3's single PUT limit)");
        }
    }
}
