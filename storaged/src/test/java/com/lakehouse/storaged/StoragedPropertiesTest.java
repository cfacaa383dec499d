package com.lakehouse.storaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.lakehouse.shared.config.TomlConfigFile;
import com.lakehouse.shared.testing.PropertiesAssertions;

class StoragedPropertiesTest {

    private static <T> T bind(Map<String, ?> properties, String prefix, Class<T> type) {
        return PropertiesAssertions.bind(prefix, type, properties);
    }

    @Test
    void storagedDefaults() {
        StoragedProperties p = bind(Map.of(), "lakehouse.storaged", StoragedProperties.class);
        assertThat(p.bind()).isEqualTo("127.0.0.1:3211");
        assertThat(p.maxPutBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(p.prefixCaps()).isEmpty();
        assertThat(p.maxConcurrentPuts()).isEqualTo(4);
        assertThat(p.putQueueWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.partBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(p.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(p.singlePutMaxBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
        assertThat(p.fleetPutSlots()).isEqualTo(4);
        assertThat(p.uploadIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.uploadMinBytesPerSecond()).isEqualTo(8192);
        assertThat(p.uploadRateWindow()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void s3Defaults() {
        S3Properties p = bind(Map.of(), "lakehouse.s3", S3Properties.class);
        assertThat(p.endpoint()).isEqualTo("http://127.0.0.1:3290");
        assertThat(p.region()).isEqualTo("us-east-1");
        assertThat(p.bucket()).isEqualTo("lakehouse-primary");
        assertThat(p.pathStyle()).isTrue();
        assertThat(p.secretsFile()).isEqualTo("/etc/lakehouse/secrets.toml");
    }

    @Test
    void fullMappingFromToml(@TempDir Path dir) throws Exception {
        Path toml = dir.resolve("lakehouse.toml");
        Files.writeString(toml, """
                [storaged]
                bind = "127.0.0.1:4000"
                max_put_bytes = 1000
                max_concurrent_puts = 1
                put_queue_wait = "500ms"
                part_bytes = 6291456
                single_put_max_bytes = 0
                max_body_bytes = 2048
                fleet_put_slots = 2
                upload_idle_timeout = "5s"
                upload_min_bytes_per_second = 100
                upload_rate_window = "3s"

                [storaged.prefix_caps]
                "datasets/" = 2147483648
                "tmp/small/" = 10

                [s3]
                endpoint = "http://127.0.0.1:9000"
                region = "eu-west-1"
                bucket = "other"
                path_style = false
                secrets_file = "secrets.toml"
                """);
        Map<String, Object> properties = TomlConfigFile.load(toml);

        StoragedProperties storaged = bind(properties, "lakehouse.storaged", StoragedProperties.class);
        assertThat(storaged.bind()).isEqualTo("127.0.0.1:4000");
        assertThat(storaged.maxPutBytes()).isEqualTo(1000);
        assertThat(storaged.prefixCaps()).containsExactlyInAnyOrderEntriesOf(
                Map.of("datasets/", 2147483648L, "tmp/small/", 10L));
        assertThat(storaged.maxConcurrentPuts()).isEqualTo(1);
        assertThat(storaged.putQueueWait()).isEqualTo(Duration.ofMillis(500));
        assertThat(storaged.partBytes()).isEqualTo(6291456);
        assertThat(storaged.singlePutMaxBytes()).isZero();
        assertThat(storaged.maxBodyBytes()).isEqualTo(2048);
        assertThat(storaged.fleetPutSlots()).isEqualTo(2);
        assertThat(storaged.uploadIdleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(storaged.uploadMinBytesPerSecond()).isEqualTo(100);
        assertThat(storaged.uploadRateWindow()).isEqualTo(Duration.ofSeconds(3));

        S3Properties s3 = bind(properties, "lakehouse.s3", S3Properties.class);
        assertThat(s3).isEqualTo(new S3Properties("http://127.0.0.1:9000", "eu-west-1", "other", false, "secrets.toml"));
    }

    @Test
    void prefixCapsFromCommandLineStyleProperties() {
        StoragedProperties p = bind(Map.of("lakehouse.storaged.prefix_caps[datasets/]", "42",
                "lakehouse.storaged.max-concurrent-puts", "2"), "lakehouse.storaged", StoragedProperties.class);
        assertThat(p.prefixCaps()).containsExactlyEntriesOf(Map.of("datasets/", 42L));
        assertThat(p.maxConcurrentPuts()).isEqualTo(2);
    }
}
