package com.lakehouse.catalogd.iceberg;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The part of {@code [s3]} (SPEC §2.1) the Iceberg view needs: where the bucket is, so table and
 * file locations can be written as {@code s3://bucket/key} for engines that read S3 themselves.
 * Credentials are not here: catalogd never holds them, storaged does (and the operator gives the
 * engine its own).
 *
 * @param endpoint  the S3-compatible server's base URL
 * @param region    the signing region engines should use
 * @param bucket    the bucket storaged writes into
 * @param pathStyle whether the server needs {@code http://host/bucket/key} addressing
 */
@ConfigurationProperties("lakehouse.s3")
public record S3Settings(
        @DefaultValue("http://127.0.0.1:3290") String endpoint,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("lakehouse-primary") String bucket,
        @DefaultValue("true") boolean pathStyle) {
}
