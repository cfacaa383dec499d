package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.catalogd.catalog.RegisterLimits;
import com.lakehouse.shared.testing.PropertiesAssertions;

class CatalogdPropertiesTest {

    private static CatalogdProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.catalogd", CatalogdProperties.class, values);
    }

    @Test
    void defaultsFollowTheSpec() {
        CatalogdProperties defaults = bind(Map.of());
        assertThat(defaults.bind()).isEqualTo("127.0.0.1:3212");
        assertThat(defaults.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(defaults.observerdUrl()).isEqualTo("http://127.0.0.1:3218");
        assertThat(defaults.dataDir()).isEqualTo("data/catalogd");
        assertThat(defaults.storagedTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.rehydrateRetry()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.checkpointEvery()).isEqualTo(64);
        assertThat(defaults.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(defaults.maxColumns()).isEqualTo(1024);
        assertThat(defaults.maxColumnNameBytes()).isEqualTo(255);
        assertThat(defaults.maxObjects()).isEqualTo(100_000);
        assertThat(defaults.maxObjectKeyBytes()).isEqualTo(1024);
        assertThat(defaults.maxEtagBytes()).isEqualTo(128);
        assertThat(defaults.maxConcurrentRegisters()).isEqualTo(4);
        assertThat(defaults.registerWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(RegisterLimits.of(defaults)).isEqualTo(RegisterLimits.DEFAULTS);
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.catalogd", CatalogdProperties.class, Map.ofEntries(
                Map.entry("lakehouse.catalogd.bind", "127.0.0.1:4000"),
                Map.entry("lakehouse.catalogd.storaged_url", "http://127.0.0.1:4001"),
                Map.entry("lakehouse.catalogd.observerd_url", "http://127.0.0.1:4002"),
                Map.entry("lakehouse.catalogd.data_dir", "/var/lib/lakehouse/catalogd"),
                Map.entry("lakehouse.catalogd.storaged_timeout", "5s"),
                Map.entry("lakehouse.catalogd.rehydrate_retry", "250ms"),
                Map.entry("lakehouse.catalogd.checkpoint_every", "10"),
                Map.entry("lakehouse.catalogd.max_body_bytes", "1024"),
                Map.entry("lakehouse.catalogd.max_columns", "7"),
                Map.entry("lakehouse.catalogd.max_column_name_bytes", "8"),
                Map.entry("lakehouse.catalogd.max_objects", "9"),
                Map.entry("lakehouse.catalogd.max_object_key_bytes", "11"),
                Map.entry("lakehouse.catalogd.max_etag_bytes", "12"),
                Map.entry("lakehouse.catalogd.max_concurrent_registers", "2"),
                Map.entry("lakehouse.catalogd.register_wait", "3s")),
                new CatalogdProperties("127.0.0.1:4000", "http://127.0.0.1:4001", "http://127.0.0.1:4002",
                "/var/lib/lakehouse/catalogd", Duration.ofSeconds(5), Duration.ofMillis(250), 10, 1024,
                7, 8, 9, 11, 12, 2, Duration.ofSeconds(3)));
    }
}
