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
        assertThat(p.maxDimension()).isEqualTo(4096);
        assertThat(p.maxBatchItems()).isEqualTo(10_000);
        assertThat(p.maxIdBytes()).isEqualTo(512);
        assertThat(p.maxMetadataKeys()).isEqualTo(64);
        assertThat(p.maxMetadataKeyBytes()).isEqualTo(128);
        assertThat(p.maxMetadataValueBytes()).isEqualTo(4096);
        assertThat(p.maxMetadataDepth()).isEqualTo(4);
    }

    @Test
    void limitsBeyondTheEngineRefuseTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("lakehouse.vectord.max_dimension", "5000")))
                .hasStackTraceContaining("max_dimension");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bind(Map.of("lakehouse.vectord.max_metadata_value_bytes", "40000")))
                .hasStackTraceContaining("max_metadata_value_bytes");
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
                Map.entry("lakehouse.vectord.storage_wait", "1s"),
                Map.entry("lakehouse.vectord.max_dimension", "1536"),
                Map.entry("lakehouse.vectord.max_batch_items", "100"),
                Map.entry("lakehouse.vectord.max_id_bytes", "64"),
                Map.entry("lakehouse.vectord.max_metadata_keys", "8"),
                Map.entry("lakehouse.vectord.max_metadata_key_bytes", "32"),
                Map.entry("lakehouse.vectord.max_metadata_value_bytes", "256"),
                Map.entry("lakehouse.vectord.max_metadata_depth", "2")),
                new VectordProperties("127.0.0.1:4000", "", "http://obs:1", "/var/lib/vectord",
                Duration.ofSeconds(2), 128, 50, 1024, 16, Duration.ofSeconds(1), 1536, 100, 64, 8, 32, 256, 2));
    }

    private static VectordProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.vectord", VectordProperties.class, values);
    }
}
