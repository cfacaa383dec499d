package com.lakehouse.catalogd.iceberg;

/**
 * Iceberg locations ({@code s3://bucket/key}) of storaged keys and back. Engines read the bucket
 * directly; catalogd reaches the same objects by key through storaged.
 */
public record StorageLocations(String bucket) {

    private static final String[] SCHEMES = {"s3://", "s3a://", "s3n://"};

    public StorageLocations {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("[s3] bucket must be a bucket name, not '" + bucket + "'");
        }
    }

    public String location(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The storaged key of a location in this bucket; any other location is refused. */
    public String key(String location) {
        for (String scheme : SCHEMES) {
            String prefix = scheme + bucket + "/";
            if (location != null && location.startsWith(prefix) && location.length() > prefix.length()) {
                return location.substring(prefix.length());
            }
        }
        throw new IllegalArgumentException("not a location in bucket '" + bucket + "': " + location);
    }
}
