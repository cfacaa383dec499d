package com.lakehouse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.shared.testing.PropertiesAssertions;

class PathwayPropertiesTest {

    private static PathwayProperties bind(Map<String, String> properties) {
        return PropertiesAssertions.bind("lakehouse.pathway", PathwayProperties.class, properties);
    }

    @Test
    void defaults() {
        PathwayProperties p = bind(Map.of());

        assertThat(p.bind()).isEqualTo("127.0.0.1:3217");
        assertThat(p.dataDir()).isEqualTo(Path.of("data/pathway"));
        assertThat(p.observerdUrl()).isEqualTo("http://127.0.0.1:3218");
        assertThat(p.fsync()).isTrue();
        assertThat(p.defaultLimit()).isEqualTo(10);
        assertThat(p.maxLimit()).isEqualTo(100);
        assertThat(p.maxBodyBytes()).isEqualTo(1_048_576);
    }

    @Test
    void fullMappingFromSnakeCaseKeys() {
        PropertiesAssertions.assertFullMapping("lakehouse.pathway", PathwayProperties.class, Map.of(
                "lakehouse.pathway.bind", "127.0.0.2:4000",
                "lakehouse.pathway.data_dir", "/var/lib/lakehouse/pathway",
                "lakehouse.pathway.observerd_url", "http://obs:1",
                "lakehouse.pathway.fsync", "false",
                "lakehouse.pathway.default_limit", "5",
                "lakehouse.pathway.max_limit", "50",
                "lakehouse.pathway.max_body_bytes", "2048"),
                new PathwayProperties("127.0.0.2:4000", Path.of("/var/lib/lakehouse/pathway"),
                "http://obs:1", false, 5, 50, 2048));
    }
}
