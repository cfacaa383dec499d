package com.lakehouse.observerd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import com.lakehouse.shared.testing.PropertiesAssertions;

class ObserverdPropertiesTest {

    private static ObserverdProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.observerd", ObserverdProperties.class, values);
    }

    @Test
    void everyKeyHasTheSpecDefault() {
        ObserverdProperties p = bind(Map.of());
        assertThat(p.bind()).isEqualTo("127.0.0.1:3218");
        assertThat(p.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(p.catalogdUrl()).isEqualTo("http://127.0.0.1:3212");
        assertThat(p.dataDir()).isEqualTo("data/observerd");
        assertThat(p.ringCapacity()).isEqualTo(10_000);
        assertThat(p.ringMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(p.maxCounterKeys()).isEqualTo(1000);
        assertThat(p.journalMaxPending()).isEqualTo(200_000);
        assertThat(p.flushRows()).isEqualTo(1000);
        assertThat(p.flushEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(p.journalLimits()).isEqualTo(com.lakehouse.observerd.journal.JournalLimits.DEFAULTS);
        assertThat(p.observerLimits()).isEqualTo(com.lakehouse.observerd.events.ObserverLimits.DEFAULTS);
    }

    @Test
    void everyKeyMapsFromItsSnakeCaseName() {
        PropertiesAssertions.assertFullMapping("lakehouse.observerd", ObserverdProperties.class, Map.ofEntries(
                Map.entry("lakehouse.observerd.bind", "127.0.0.1:4000"),
                Map.entry("lakehouse.observerd.storaged_url", "http://127.0.0.1:5001"),
                Map.entry("lakehouse.observerd.catalogd_url", "http://127.0.0.1:5002"),
                Map.entry("lakehouse.observerd.data_dir", "/var/lib/observerd"),
                Map.entry("lakehouse.observerd.ring_capacity", "5"),
                Map.entry("lakehouse.observerd.ring_max_bytes", "4096"),
                Map.entry("lakehouse.observerd.max_counter_keys", "3"),
                Map.entry("lakehouse.observerd.journal_max_pending", "9"),
                Map.entry("lakehouse.observerd.flush_rows", "7"),
                Map.entry("lakehouse.observerd.flush_every", "500ms"),
                Map.entry("lakehouse.observerd.max_body_bytes", "1024"),
                Map.entry("lakehouse.observerd.journal_max_events", "11"),
                Map.entry("lakehouse.observerd.journal_max_name_bytes", "12"),
                Map.entry("lakehouse.observerd.journal_max_value_bytes", "13"),
                Map.entry("lakehouse.observerd.journal_max_value_depth", "14"),
                Map.entry("lakehouse.observerd.observer_max_name_bytes", "15"),
                Map.entry("lakehouse.observerd.observer_max_payload_bytes", "16"),
                Map.entry("lakehouse.observerd.observer_max_payload_depth", "17")),
                new ObserverdProperties("127.0.0.1:4000", "http://127.0.0.1:5001",
                "http://127.0.0.1:5002", "/var/lib/observerd", 5, 4096, 3, 9, 7, Duration.ofMillis(500), 1024,
                11, 12, 13, 14, 15, 16, 17));
    }

    @Test
    void nonsensicalSizesAreStartupErrorsNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.observerd.ring_capacity", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("ring_capacity");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.observerd.flush_rows", "-1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("flush_rows");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.observerd.flush_every", "0s")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("flush_every");
    }
}
