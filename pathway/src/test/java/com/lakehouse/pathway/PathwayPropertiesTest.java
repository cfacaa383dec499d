package com.lakehouse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.lakehouse.pathway.traces.TraceStore;
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
        assertThat(p.bounds()).isEqualTo(TraceStore.DEFAULT_BOUNDS);
    }

    @Test
    void aTagLimitPastTheIndexLongestTermIsAStartupError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PathwayProperties("127.0.0.1:1", Path.of("d"), "http://o:1",
                true, 10, 100, 1024, 1024, 32, 64, 32_767, 4096)).hasMessageContaining("max_tag_bytes");
    }

    @Test
    void fullMappingFromSnakeCaseKeys() {
        PropertiesAssertions.assertFullMapping("lakehouse.pathway", PathwayProperties.class, Map.ofEntries(
                Map.entry("lakehouse.pathway.bind", "127.0.0.2:4000"),
                Map.entry("lakehouse.pathway.data_dir", "/var/lib/lakehouse/pathway"),
                Map.entry("lakehouse.pathway.observerd_url", "http://obs:1"),
                Map.entry("lakehouse.pathway.fsync", "false"),
                Map.entry("lakehouse.pathway.default_limit", "5"),
                Map.entry("lakehouse.pathway.max_limit", "50"),
                Map.entry("lakehouse.pathway.max_body_bytes", "2048"),
                Map.entry("lakehouse.pathway.max_content_bytes", "1000"),
                Map.entry("lakehouse.pathway.max_content_depth", "4"),
                Map.entry("lakehouse.pathway.max_tags", "3"),
                Map.entry("lakehouse.pathway.max_tag_bytes", "10"),
                Map.entry("lakehouse.pathway.max_query_bytes", "20")),
                new PathwayProperties("127.0.0.2:4000", Path.of("/var/lib/lakehouse/pathway"),
                "http://obs:1", false, 5, 50, 2048, 1000, 4, 3, 10, 20));
    }
}
