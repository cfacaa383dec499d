package com.lakehouse.catalogd;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code [catalogd.iceberg]} of lakehouse.toml: the Iceberg REST face of the catalog.
 *
 * @param namespace  the one Iceberg namespace; every dataset is a table of the same name in it
 * @param s3Endpoint the S3 endpoint engines are told in {@code loadTable}'s config; empty means
 *                   {@code [s3].endpoint} (set it when engines reach the S3 server by another address
 *                   than storaged does, e.g. from another host or container network)
 */
@ConfigurationProperties("lakehouse.catalogd.iceberg")
public record IcebergProperties(
        @DefaultValue("lakehouse") String namespace,
        @DefaultValue("") String s3Endpoint) {

    public IcebergProperties {
        if (namespace == null || !namespace.matches("^[a-z_][a-z0-9_]{0,62}$")) {
            throw new IllegalArgumentException("[catalogd.iceberg] namespace must match ^[a-z_][a-z0-9_]{0,62}$");
        }
        s3Endpoint = s3Endpoint == null ? "" : s3Endpoint.trim();
    }
}
