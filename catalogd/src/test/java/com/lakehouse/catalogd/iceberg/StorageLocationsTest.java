package com.lakehouse.catalogd.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageLocationsTest {

    private final StorageLocations locations = new StorageLocations("lakehouse-primary");

    @Test
    void keysAndLocationsRoundTrip() {
        String key = "datasets/trips/abc/d e.parquet";
        assertThat(locations.location(key)).isEqualTo("s3://lakehouse-primary/" + key);
        assertThat(locations.key(locations.location(key))).isEqualTo(key);
        assertThat(locations.key("s3a://lakehouse-primary/" + key)).isEqualTo(key);
    }

    @Test
    void anotherBucketOrSchemeIsRefused() {
        assertThatThrownBy(() -> locations.key("s3://other/datasets/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locations.key("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> locations.key("s3://lakehouse-primary/")).isInstanceOf(IllegalArgumentException.class);
    }
}
