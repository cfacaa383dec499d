package com.lakehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import com.lakehouse.shared.testing.PropertiesAssertions;

class GatewayPropertiesTest {

    private static GatewayProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.gateway", GatewayProperties.class, values);
    }

    @Test
    void everyKeyHasTheSpecDefault() {
        GatewayProperties p = bind(Map.of());
        assertThat(p.bind()).isEqualTo("127.0.0.1:3110");
        assertThat(p.storagedUrl()).isEqualTo("http://127.0.0.1:3211");
        assertThat(p.catalogdUrl()).isEqualTo("http://127.0.0.1:3212");
        assertThat(p.ingestdUrl()).isEqualTo("http://127.0.0.1:3213");
        assertThat(p.querydUrl()).isEqualTo("http://127.0.0.1:3214");
        assertThat(p.vectordUrl()).isEqualTo("http://127.0.0.1:3215");
        assertThat(p.embeddUrl()).isEqualTo("http://127.0.0.1:3216");
        assertThat(p.pathwayUrl()).isEqualTo("http://127.0.0.1:3217");
        assertThat(p.observerdUrl()).isEqualTo("http://127.0.0.1:3218");
        assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.sqlTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.ingestTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.storageTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.healthTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void theSqlTimeoutOutlastsQuerydsStatementTimeout() {
        assertThat(bind(Map.of()).sqlTimeout()).isGreaterThan(Duration.ofSeconds(30));
    }

    @Test
    void everySnakeCaseKeyMaps() {
        Map<String, String> values = new HashMap<>();
        values.put("lakehouse.gateway.bind", "127.0.0.1:4110");
        values.put("lakehouse.gateway.storaged_url", "http://s:1");
        values.put("lakehouse.gateway.catalogd_url", "http://c:2");
        values.put("lakehouse.gateway.ingestd_url", "http://i:3");
        values.put("lakehouse.gateway.queryd_url", "http://q:4");
        values.put("lakehouse.gateway.vectord_url", "http://v:5");
        values.put("lakehouse.gateway.embedd_url", "http://e:6");
        values.put("lakehouse.gateway.pathway_url", "http://p:7/api");
        values.put("lakehouse.gateway.observerd_url", "https://o:8");
        values.put("lakehouse.gateway.connect_timeout", "500ms");
        values.put("lakehouse.gateway.read_timeout", "10s");
        values.put("lakehouse.gateway.sql_timeout", "5m");
        values.put("lakehouse.gateway.ingest_timeout", "1h");
        values.put("lakehouse.gateway.storage_timeout", "2h");
        values.put("lakehouse.gateway.health_timeout", "800ms");

        PropertiesAssertions.assertFullMapping("lakehouse.gateway", GatewayProperties.class, values, new GatewayProperties("127.0.0.1:4110", "http://s:1", "http://c:2", "http://i:3",
                "http://q:4", "http://v:5", "http://e:6", "http://p:7/api", "https://o:8", Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofMillis(800)));
    }

    @Test
    void aZeroTimeoutIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.gateway.sql_timeout", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("[gateway] sql_timeout");
    }
}
