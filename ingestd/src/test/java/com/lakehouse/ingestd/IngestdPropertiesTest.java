package com.lakehouse.ingestd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import com.lakehouse.shared.testing.PropertiesAssertions;

class IngestdPropertiesTest {

    @Test
    void everyKeyHasTheDefaultOfTheSpec() {
        IngestdProperties properties = bind(Map.of());
        assertThat(properties.bind()).isEqualTo("127.0.0.1:3213");
        assertThat(properties.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(properties.catalogdUrl()).isEqualTo("http://127.0.0.1:3212");
        assertThat(properties.observerdUrl()).isEqualTo("http://127.0.0.1:3218");
        assertThat(properties.dataDir()).isEqualTo("data/ingestd");
        assertThat(properties.maxIngestBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(properties.sampleRows()).isEqualTo(1000);
        assertThat(properties.duckdbMemoryLimit()).isEqualTo("384MB");
        assertThat(properties.duckdbThreads()).isEqualTo(2);
        assertThat(properties.maxBodyBytes()).isEqualTo(65536);
        assertThat(properties.maxConcurrentIngests()).isEqualTo(4);
        assertThat(properties.ingestQueueWait()).isEqualTo(java.time.Duration.ofSeconds(10));
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.ingestd", IngestdProperties.class, Map.ofEntries(
                Map.entry("lakehouse.ingestd.bind", "127.0.0.1:4000"),
                Map.entry("lakehouse.ingestd.storaged_url", "http://127.0.0.1:1"),
                Map.entry("lakehouse.ingestd.catalogd_url", "http://127.0.0.1:2"),
                Map.entry("lakehouse.ingestd.observerd_url", "http://127.0.0.1:3"),
                Map.entry("lakehouse.ingestd.data_dir", "/tmp/x"),
                Map.entry("lakehouse.ingestd.max_ingest_bytes", "1024"),
                Map.entry("lakehouse.ingestd.sample_rows", "10"),
                Map.entry("lakehouse.ingestd.duckdb_memory_limit", "1GiB"),
                Map.entry("lakehouse.ingestd.duckdb_threads", "4"),
                Map.entry("lakehouse.ingestd.max_body_bytes", "100"),
                Map.entry("lakehouse.ingestd.max_concurrent_ingests", "2"),
                Map.entry("lakehouse.ingestd.ingest_queue_wait", "3s")),
                new IngestdProperties("127.0.0.1:4000", "http://127.0.0.1:1", "http://127.0.0.1:2",
                "http://127.0.0.1:3", "/tmp/x", 1024, 10, "1GiB", 4, 100, 2, java.time.Duration.ofSeconds(3)));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.sample_rows", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("sample_rows");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.duckdb_memory_limit", "256MB'; DROP"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("duckdb_memory_limit");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.max_ingest_bytes", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max_ingest_bytes");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.max_concurrent_ingests", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max_concurrent_ingests");
    }

    private static IngestdProperties bind(Map<String, String> map) {
        return PropertiesAssertions.bind("lakehouse.ingestd", IngestdProperties.class, map);
    }
}
