package com.lakehouse.pathway;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [pathway]} of lakehouse.toml.
 *
 * @param bind          loopback address and port
 * @param dataDir       where the trace log lives
 * @param observerdUrl  where journal events go
 * @param fsync         force each acknowledged append to disk (group commit); false flushes to the OS only
 * @param defaultLimit  search results when the request names no limit
 * @param maxLimit      the most results one search returns
 * @param maxBodyBytes  request body cap
 */
@ConfigurationProperties("lakehouse.pathway")
public record PathwayProperties(
        @DefaultValue(FleetPorts.PATHWAY_BIND) String bind,
        @DefaultValue("data/pathway") Path dataDir,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("true") boolean fsync,
        @DefaultValue("10") int defaultLimit,
        @DefaultValue("100") int maxLimit,
        @DefaultValue("1048576") long maxBodyBytes) {
}
