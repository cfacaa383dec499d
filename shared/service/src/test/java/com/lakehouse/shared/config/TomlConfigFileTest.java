package com.lakehouse.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.lakehouse.shared.auth.AuthProperties;

class TomlConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void flattensSectionsArraysAndQuotedKeysUnderTheLakehousePrefix() throws IOException {
        Path file = write("""
                [auth]
                token = "t0"
                token_env = "MY_TOKEN"
                secondary_tokens = ["t1", "t2"]
                allowed_ips = ["10.0.0.0/8", "::1"]

                [storaged]
                bind = "127.0.0.1:4000"
                max_put_bytes = 1024
                put_queue_wait = "500ms"

                [storaged.prefix_caps]
                "datasets/" = 2147483648
                "_vectors/" = 10
                """);

        Map<String, Object> properties = TomlConfigFile.load(file);

        assertThat(properties)
                .containsEntry("lakehouse.auth.token", "t0")
                .containsEntry("lakehouse.auth.secondary_tokens[0]", "t1")
                .containsEntry("lakehouse.auth.secondary_tokens[1]", "t2")
                .containsEntry("lakehouse.auth.allowed_ips[1]", "::1")
                .containsEntry("lakehouse.storaged.bind", "127.0.0.1:4000")
                .containsEntry("lakehouse.storaged.max_put_bytes", "1024")
                .containsEntry("lakehouse.storaged.put_queue_wait", "500ms")
                .containsEntry("lakehouse.storaged.prefix_caps[datasets/]", "2147483648")
                .containsEntry("lakehouse.storaged.prefix_caps[_vectors/]", "10");
    }

    @Test
    void snakeCaseKeysBindIntoRecordsIncludingMapsWithSlashKeysAndDurations() throws IOException {
        Path file = write("""
                [auth]
                token_env = "MY_TOKEN"
                secondary_tokens = ["t1"]
                allowed_ips = ["10.0.0.0/8"]
                [sample]
                put_queue_wait = "750ms"
                [sample.prefix_caps]
                "datasets/" = 2147483648
                """);
        Binder binder = new Binder(new MapConfigurationPropertySource(TomlConfigFile.load(file)));

        AuthProperties auth = binder.bindOrCreate("lakehouse.auth", AuthProperties.class);
        Sample sample = binder.bindOrCreate("lakehouse.sample", Sample.class);

        assertThat(auth.tokenEnv()).isEqualTo("MY_TOKEN");
        assertThat(auth.token()).isEmpty();
        assertThat(auth.secondaryTokens()).containsExactly("t1");
        assertThat(auth.allowedIps()).containsExactly("10.0.0.0/8");
        assertThat(sample.putQueueWait()).isEqualTo(Duration.ofMillis(750));
        assertThat(sample.prefixCaps()).containsEntry("datasets/", 2147483648L);
    }

    @Test
    void authDefaultsWhenTheSectionIsAbsent() throws IOException {
        Binder binder = new Binder(new MapConfigurationPropertySource(TomlConfigFile.load(write(""))));

        AuthProperties auth = binder.bindOrCreate("lakehouse.auth", AuthProperties.class);

        assertThat(auth.token()).isEmpty();
        assertThat(auth.tokenEnv()).isEqualTo("AUTH_TOKEN");
        assertThat(auth.secondaryTokens()).isEmpty();
        assertThat(auth.allowedIps()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheFileAndTheLine() throws IOException {
        Path file = write("""
                [storaged]
                bind = "127.0.0.1:3211"
                max_put_bytes = = 3
                """);

        assertThatThrownBy(() -> TomlConfigFile.load(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3");
    }

    @Test
    void anUnreadableFileSaysSo() {
        assertThatThrownBy(() -> TomlConfigFile.load(dir.resolve("absent.toml")))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("absent.toml");
    }

    record Sample(Duration putQueueWait, Map<String, Long> prefixCaps, List<String> unused) {
    }

    private Path write(String toml) throws IOException {
        Path file = dir.resolve("lakehouse.toml");
        Files.writeString(file, toml);
        return file;
    }
}
