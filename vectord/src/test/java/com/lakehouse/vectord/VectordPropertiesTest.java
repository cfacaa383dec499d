package com.lakehouse.vectord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.testing.PropertiesAssertions;

class VectordPropertiesTest {

    @Test
    void everyKeyHasTheSpecDefault() {
        VectordProperties p = bind(Map.of());
        assertThat(p.bind()).isEqualTo("127.0.0.1:3215");
        assertThat(p.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(p.observerdUrl()).isEqualTo("http://127.0.0.1:3218");
        assertThat(p.dataDir()).isEqualTo("data/vectord");
        assertThat(p.commitDebounce()).isEqualTo(Duration.ofMillis(500));
        assertThat(p.defaultEf()).isEqualTo(64);
        assertThat(p.maxK()).isEqualTo(1000);
        assertThat(p.maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(p.ramBufferMb()).isEqualTo(64);
        assertThat(p.storageWait()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.vectord", VectordProperties.class, Map.ofEntries(
                Map.entry("lakehouse.vectord.bind", "127.0.0.1:4000"),
                Map.entry("lakehouse.vectord.storaged_url", ""),
                Map.entry("lakehouse.vectord.observerd_url", "http://obs:1"),
                Map.entry("lakehouse.vectord.data_dir", "/var/lib/vectord"),
                Map.entry("lakehouse.vectord.commit_debounce", "2s"),
                Map.entry("lakehouse.vectord.default_ef", "128"),
                Map.entry("lakehouse.vectord.max_k", "50"),
                Map.entry("lakehouse.vectord.max_body_bytes", "1024"),
                Map.entry("lakehouse.vectord.ram_buffer_mb", "16"),
                Map.entry("lakehouse.vectord.storage_wait", "1s")),
                new VectordProperties("127.0.0.1:4000", "", "http://obs:1", "/var/lib/vectord",
                Duration.ofSeconds(2), 128, 50, 1024, 16, Duration.ofSeconds(1)));
    }

    private static VectordProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.vectord", VectordProperties.class, values);
    }
}
