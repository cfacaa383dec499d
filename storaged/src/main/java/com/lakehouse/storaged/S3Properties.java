package com.lakehouse.storaged;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [s3]} of lakehouse.toml (SPEC §2.1): where the objects live. Credentials are deliberately
 * absent: they come from the environment or {@code secretsFile} (see {@link S3CredentialSource}).
 *
 * @param endpoint    the S3-compatible server's base URL
 * @param region      signing region
 * @param bucket      the one bucket storaged uses; created when missing
 * @param pathStyle   {@code http://host/bucket/key} addressing, which most self-hosted servers need
 * @param secretsFile TOML with an {@code [s3]} section holding {@code access_key_id} and {@code secret_access_key}
 */
@ConfigurationProperties("lakehouse.s3")
public record S3Properties(
        @DefaultValue(FleetPorts.S3_URL) String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("lakehouse-primary") String bucket,
        @DefaultValue("true") boolean pathStyle,
        @DefaultValue("/etc/lakehouse/secrets.toml") String secretsFile) {
}
