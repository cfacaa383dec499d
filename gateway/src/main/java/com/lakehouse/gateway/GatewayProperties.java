package com.lakehouse.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [gateway]} of lakehouse.toml (SPEC §1): where each upstream lives and how long the gateway
 * waits for it.
 *
 * <p>A route's timeout is how long its upstream may stay silent (until the response head, then between
 * reads of the body), so the routes that move big bodies get long ones, and {@code sqlTimeout} stays
 * above queryd's own statement timeout (30s) so a slow query ends with queryd's 504, not ours.
 *
 * @param bind           loopback address and port of the HTTP server
 * @param storagedUrl    storaged base URL ({@code /v1/storage/**}); a sub-path such as {@code http://h:p/api} is kept
 * @param catalogdUrl    catalogd base URL ({@code /v1/catalog/**} and the Iceberg REST catalog {@code /v1/iceberg/**})
 * @param ingestdUrl     ingestd base URL ({@code /v1/ingest**})
 * @param querydUrl      queryd base URL ({@code /v1/sql**})
 * @param vectordUrl     vectord base URL ({@code /v1/vectors/**})
 * @param embeddUrl      embedd base URL ({@code /v1/embed**})
 * @param pathwayUrl     pathway base URL ({@code /v1/pathway/**})
 * @param observerdUrl   observerd base URL ({@code /v1/observer/**} and {@code /v1/journal/**})
 * @param connectTimeout how long opening a connection to any upstream may take
 * @param readTimeout    exchange timeout of the routes without one of their own (catalog, vectors,
 *                       iceberg, embed, pathway, observer, journal); above embedd's 60s batch timeout
 * @param sqlTimeout     exchange timeout of {@code /v1/sql**}
 * @param ingestTimeout  exchange timeout of {@code /v1/ingest**} (uploads of hundreds of MiB)
 * @param storageTimeout exchange timeout of {@code /v1/storage/**} (objects of GiBs)
 * @param healthTimeout  how long {@code /v1/health} waits for each upstream's {@code /health}
 */
@ConfigurationProperties("lakehouse.gateway")
public record GatewayProperties(
        @DefaultValue(FleetPorts.GATEWAY_BIND) String bind,
        @DefaultValue(FleetPorts.STORAGED_URL) String storagedUrl,
        @DefaultValue(FleetPorts.CATALOGD_URL) String catalogdUrl,
        @DefaultValue(FleetPorts.INGESTD_URL) String ingestdUrl,
        @DefaultValue(FleetPorts.QUERYD_URL) String querydUrl,
        @DefaultValue(FleetPorts.VECTORD_URL) String vectordUrl,
        @DefaultValue(FleetPorts.EMBEDD_URL) String embeddUrl,
        @DefaultValue(FleetPorts.PATHWAY_URL) String pathwayUrl,
        @DefaultValue(FleetPorts.OBSERVERD_URL) String observerdUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("90s") Duration readTimeout,
        @DefaultValue("120s") Duration sqlTimeout,
        @DefaultValue("30m") Duration ingestTimeout,
        @DefaultValue("30m") Duration storageTimeout,
        @DefaultValue("1500ms") Duration healthTimeout) {

    public GatewayProperties {
        requirePositive("connect_timeout", connectTimeout);
        requirePositive("read_timeout", readTimeout);
        requirePositive("sql_timeout", sqlTimeout);
        requirePositive("ingest_timeout", ingestTimeout);
        requirePositive("storage_timeout", storageTimeout);
        requirePositive("health_timeout", healthTimeout);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("[gateway] " + key + " must be a positive duration such as \"30s\"");
        }
    }
}
