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
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.ingestd", IngestdProperties.class, Map.of(
                "lakehouse.ingestd.bind", "127.0.0.1:4000",
                "lakehouse.ingestd.storaged_url", "http://127.0.0.1:1",
                "lakehouse.ingestd.catalogd_url", "http://127.0.0.1:2",
                "lakehouse.ingestd.observerd_url", "http://127.0.0.1:3",
                "lakehouse.ingestd.data_dir", "/tmp/x",
                "lakehouse.ingestd.max_ingest_bytes", "1024",
                "lakehouse.ingestd.sample_rows", "10",
                "lakehouse.ingestd.duckdb_memory_limit", "1GiB",
                "lakehouse.ingestd.duckdb_threads", "4",
                "lakehouse.ingestd.max_body_bytes", "100"),
                new IngestdProperties("127.0.0.1:4000", "http://127.0.0.1:1", "http://127.0.0.1:2",
                "http://127.0.0.1:3", "/tmp/x", 1024, 10, "1GiB", 4, 100));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.sample_rows", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("sample_rows");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.duckdb_memory_limit", "256MB'; DROP"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("duckdb_memory_limit");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.ingestd.max_ingest_bytes", "0"))).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max_ingest_bytes");
    }

    private static IngestdProperties bind(Map<String, String> map) {
        return PropertiesAssertions.bind("lakehouse.ingestd", IngestdProperties.class, map);
    }
}
