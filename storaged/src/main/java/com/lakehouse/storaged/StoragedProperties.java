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
        @DefaultValue("65536") long maxBodyBytes) {

    public StoragedProperties {
        prefixCaps = prefixCaps == null ? Map.of() : Map.copyOf(prefixCaps);
        if (maxConcurrentPuts < 1) {
            throw new IllegalArgumentException("[storaged] max_concurrent_puts must be at least 1");
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
