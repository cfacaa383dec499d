package com.lakehouse.embedd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import com.lakehouse.shared.testing.PropertiesAssertions;

class EmbeddPropertiesTest {

    private static EmbeddProperties bind(Map<String, String> values) {
        return PropertiesAssertions.bind("lakehouse.embedd", EmbeddProperties.class, values);
    }

    @Test
    void everyKeyHasTheSpecDefault() {
        EmbeddProperties p = bind(Map.of());
        assertThat(p.bind()).isEqualTo("127.0.0.1:3216");
        assertThat(p.provider()).isEqualTo("local");
        assertThat(p.defaultModel()).isEmpty();
        assertThat(p.ollamaUrl()).isEqualTo("http://127.0.0.1:11434");
        assertThat(p.ollamaModel()).isEqualTo("nomic-embed-text");
        assertThat(p.ollamaDimension()).isEqualTo(768);
        assertThat(p.cacheSize()).isEqualTo(10_000);
        assertThat(p.cacheMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(p.maxBatch()).isEqualTo(1024);
        assertThat(p.maxTextBytes()).isEqualTo(65536);
        assertThat(p.batchTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.maxParallel()).isZero();
        assertThat(p.effectiveParallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(p.chunkSize()).isEqualTo(16);
        assertThat(p.maxBodyBytes()).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void snakeCaseKeysMapOntoEveryComponent() {
        Map<String, String> values = new HashMap<>();
        values.put("lakehouse.embedd.bind", "127.0.0.1:4000");
        values.put("lakehouse.embedd.provider", "Ollama");
        values.put("lakehouse.embedd.default_model", "mxbai-embed-large");
        values.put("lakehouse.embedd.ollama_url", "http://10.0.0.5:11434");
        values.put("lakehouse.embedd.ollama_model", "mxbai-embed-large");
        values.put("lakehouse.embedd.ollama_dimension", "1024");
        values.put("lakehouse.embedd.cache_size", "0");
        values.put("lakehouse.embedd.cache_max_bytes", "4096");
        values.put("lakehouse.embedd.max_batch", "64");
        values.put("lakehouse.embedd.max_text_bytes", "4096");
        values.put("lakehouse.embedd.batch_timeout", "500ms");
        values.put("lakehouse.embedd.max_parallel", "3");
        values.put("lakehouse.embedd.chunk_size", "8");
        values.put("lakehouse.embedd.max_body_bytes", "1024");
        PropertiesAssertions.assertFullMapping("lakehouse.embedd", EmbeddProperties.class, values,
                new EmbeddProperties("127.0.0.1:4000", "ollama", "mxbai-embed-large",
                        "http://10.0.0.5:11434", "mxbai-embed-large", 1024, 0, 4096, 64, 4096, Duration.ofMillis(500), 3, 8, 1024));
        assertThat(bind(values).effectiveParallelism()).isEqualTo(3);
    }

    @Test
    void nonsenseValuesAreStartupErrorsNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("lakehouse.embedd.provider", "openai")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("provider");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.embedd.cache_size", "-1")))
                .rootCause().hasMessageContaining("cache_size");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.embedd.max_batch", "0")))
                .rootCause().hasMessageContaining("max_batch");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.embedd.batch_timeout", "0s")))
                .rootCause().hasMessageContaining("batch_timeout");
        assertThatThrownBy(() -> bind(Map.of("lakehouse.embedd.chunk_size", "0")))
                .rootCause().hasMessageContaining("chunk_size");
    }
}
