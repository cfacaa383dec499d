package com.lakehouse.embedd.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lakehouse.embedd.cache.EmbeddingCache;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.PayloadTooLargeException;
import com.lakehouse.shared.error.UpstreamFailureException;

class EmbeddingServiceTest {

    private static final ModelInfo MODEL = new ModelInfo("m", 2, "fake");

    /** Vectors that encode the text's length and call number; records every call. */
    private static final class RecordingProvider implements EmbeddingProvider {
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        RuntimeException failure;

        @Override
        public List<ModelInfo> models() {
            return List.of(MODEL);
        }

        @Override
        public List<float[]> embed(ModelInfo model, List<String> texts, Duration timeout) {
            if (failure != null) {
                throw failure;
            }
            calls.add(List.copyOf(texts));
            return texts.stream().map(t -> new float[] {t.length(), calls.size()}).toList();
        }
    }

    private final RecordingProvider provider = new RecordingProvider();

    private EmbeddingService service(long cacheSize) {
        return new EmbeddingService(provider, new ModelCatalog(provider.models(), ""), new EmbeddingCache(cacheSize, 1 << 20), 4, 16,
                Duration.ofSeconds(1));
    }

    @Test
    void aMixedBatchSendsOnlyTheDistinctMissesAndKeepsInputOrder() {
        EmbeddingService service = service(100);
        service.embed(List.of("bb", "dddd"), null);
        EmbeddingService.Embeddings out = service.embed(List.of("a", "bb", "ccc", "a"), "m");
        assertThat(provider.calls).containsExactly(List.of("bb", "dddd"), List.of("a", "ccc"));
        assertThat(out.vectors()).extracting(v -> v[0]).containsExactly(1f, 2f, 3f, 1f);
        assertThat(out.vectors().get(1)[1]).isEqualTo(1f);
        assertThat(out.model()).isEqualTo(MODEL);
    }

    @Test
    void anAllHitBatchNeverCallsTheProvider() {
        EmbeddingService service = service(100);
        service.embed(List.of("x", "y"), null);
        service.embed(List.of("y", "x"), "M");
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    void cacheSizeZeroSendsEveryRequestThrough() {
        EmbeddingService service = service(0);
        service.embed(List.of("x"), null);
        service.embed(List.of("x"), null);
        assertThat(provider.calls).containsExactly(List.of("x"), List.of("x"));
    }

    @Test
    void badInputIsRefusedBeforeTheProviderIsCalled() {
        EmbeddingService service = service(100);
        assertThatThrownBy(() -> service.embed(List.of(), null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.embed(null, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.embed(List.of("a", " "), null)).hasMessageContaining("texts[1]");
        assertThatThrownBy(() -> service.embed(List.of("a", "b", "c", "d", "e"), null)).hasMessageContaining("max_batch");
        assertThatThrownBy(() -> service.embed(List.of("a"), "nope")).hasMessageContaining("unknown model");
        assertThatThrownBy(() -> service.embed(List.of("a", "x".repeat(17)), null))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("texts[1]")
                .hasMessageContaining("the limit is 16 (max_text_bytes)");
        assertThat(service.embed(List.of("é".repeat(8)), null).vectors()).hasSize(1);
        assertThatThrownBy(() -> service.embed(List.of("é".repeat(8) + "x"), null))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    void aProviderFailureCachesNothing() {
        EmbeddingService service = service(100);
        provider.failure = new UpstreamFailureException("boom");
        assertThatThrownBy(() -> service.embed(List.of("a"), null)).isInstanceOf(UpstreamFailureException.class);
        provider.failure = null;
        service.embed(List.of("a"), null);
        assertThat(provider.calls).containsExactly(List.of("a"));
    }
}
