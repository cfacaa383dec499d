package com.lakehouse.queryd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import com.lakehouse.shared.testing.PropertiesAssertions;

class QuerydPropertiesTest {

    private static QuerydProperties bind(Map<String, String> map) {
        return PropertiesAssertions.bind("lakehouse.queryd", QuerydProperties.class, map);
    }

    @Test
    void defaultsFollowTheSpec() {
        QuerydProperties p = bind(Map.of());
        assertThat(p.bind()).isEqualTo("127.0.0.1:3214");
        assertThat(p.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(p.catalogdUrl()).isEqualTo("http://127.0.0.1:3212");
        assertThat(p.dataDir()).isEqualTo("data/queryd");
        assertThat(p.cacheBytes()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(p.maxRows()).isEqualTo(10_000);
        assertThat(p.maxRowsCap()).isEqualTo(100_000);
        assertThat(p.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.memoryLimit()).isEqualTo("512MB");
        assertThat(p.threads()).isZero();
        assertThat(p.refreshEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.maxBodyBytes()).isEqualTo(65_536);
        assertThat(p.vectordUrl()).isEqualTo("http://127.0.0.1:3215");
        assertThat(p.embeddUrl()).isEqualTo("http://127.0.0.1:3216");
        assertThat(p.exportMaxRows()).isEqualTo(10_000_000);
        assertThat(p.maxSqlBytes()).isEqualTo(32_768);
        assertThat(p.workers()).isEqualTo(16);
        assertThat(p.queueLimit()).isEqualTo(64);
        assertThat(p.maxResultBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(p.maxTempDirectorySize()).isEqualTo("4GiB");
    }

    @Test
    void everyKeyMapsFromSnakeCase() {
        PropertiesAssertions.assertFullMapping("lakehouse.queryd", QuerydProperties.class, Map.ofEntries(
                Map.entry("lakehouse.queryd.bind", "127.0.0.1:4000"),
                Map.entry("lakehouse.queryd.storaged_url", "http://127.0.0.1:1"),
                Map.entry("lakehouse.queryd.catalogd_url", "http://127.0.0.1:2"),
                Map.entry("lakehouse.queryd.data_dir", "/var/lib/queryd"),
                Map.entry("lakehouse.queryd.cache_bytes", "1000"),
                Map.entry("lakehouse.queryd.max_rows", "5"),
                Map.entry("lakehouse.queryd.max_rows_cap", "50"),
                Map.entry("lakehouse.queryd.statement_timeout", "1500ms"),
                Map.entry("lakehouse.queryd.memory_limit", "1GB"),
                Map.entry("lakehouse.queryd.threads", "2"),
                Map.entry("lakehouse.queryd.refresh_every", "1m"),
                Map.entry("lakehouse.queryd.max_body_bytes", "1024"),
                Map.entry("lakehouse.queryd.vectord_url", "http://127.0.0.1:3"),
                Map.entry("lakehouse.queryd.embedd_url", "http://127.0.0.1:4"),
                Map.entry("lakehouse.queryd.export_max_rows", "77"),
                Map.entry("lakehouse.queryd.max_sql_bytes", "100"),
                Map.entry("lakehouse.queryd.workers", "3"),
                Map.entry("lakehouse.queryd.queue_limit", "4"),
                Map.entry("lakehouse.queryd.max_result_bytes", "5000"),
                Map.entry("lakehouse.queryd.max_temp_directory_size", "1GB")),
                new QuerydProperties("127.0.0.1:4000", "http://127.0.0.1:1", "http://127.0.0.1:2",
                "/var/lib/queryd", 1000, 5, 50, Duration.ofMillis(1500), "1GB", 2, Duration.ofMinutes(1), 1024,
                "http://127.0.0.1:3", "http://127.0.0.1:4", 77, 100, 3, 4, 5000, "1GB"));
    }

    @Test
    void rowLimitsAreCapped() {
        QuerydProperties p = bind(Map.of("lakehouse.queryd.max_rows", "5", "lakehouse.queryd.max_rows_cap", "50"));
        assertThat(p.effectiveMaxRows(null)).isEqualTo(5);
        assertThat(p.effectiveMaxRows(20)).isEqualTo(20);
        assertThat(p.effectiveMaxRows(5_000)).isEqualTo(50);
    }

    @Test
    void aSpillLimitThatIsNotASizeAndNonsenseBoundsAreStartupErrors() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.queryd.max_temp_directory_size", "4GiB'; SET x=1; --")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("max_temp_directory_size");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.queryd.queue_limit", "-1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("queue_limit");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.queryd.max_sql_bytes", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("max_sql_bytes");
    }

    @Test
    void aMemoryLimitThatIsNotASizeIsAStartupError() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.queryd.memory_limit", "512MB'; SET x=1; --")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("memory_limit");
    }
}
