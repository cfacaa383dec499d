package com.lakehouse.catalogd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.catalogd", CatalogdProperties.class, Map.of(
                "lakehouse.catalogd.bind", "127.0.0.1:4000",
                "lakehouse.catalogd.storaged_url", "http://127.0.0.1:4001",
                "lakehouse.catalogd.observerd_url", "http://127.0.0.1:4002",
                "lakehouse.catalogd.data_dir", "/var/lib/lakehouse/catalogd",
                "lakehouse.catalogd.storaged_timeout", "5s",
                "lakehouse.catalogd.rehydrate_retry", "250ms",
                "lakehouse.catalogd.checkpoint_every", "10",
                "lakehouse.catalogd.max_body_bytes", "1024"),
                new CatalogdProperties("127.0.0.1:4000", "http://127.0.0.1:4001", "http://127.0.0.1:4002",
                "/var/lib/lakehouse/catalogd", Duration.ofSeconds(5), Duration.ofMillis(250), 10, 1024));
    }
}
