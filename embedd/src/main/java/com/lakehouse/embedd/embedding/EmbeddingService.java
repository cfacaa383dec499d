package com.lakehouse.embedd.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.lakehouse.embedd.cache.CacheKey;
import com.lakehouse.embedd.cache.EmbeddingCache;
import com.lakehouse.shared.error.FieldLimit;
import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.text.Utf8;

/**
 * One {@code POST /embed}: validate the whole request first, answer what the cache holds, send only
 * the misses to the provider (each distinct text once), and return the vectors in input order.
 */
public final class EmbeddingService {

    private final EmbeddingProvider provider;
    private final ModelCatalog catalog;
    private final EmbeddingCache cache;
    private final int maxBatch;
    private final int maxTextBytes;
    private final Duration batchTimeout;

    public EmbeddingService(EmbeddingProvider provider, ModelCatalog catalog, EmbeddingCache cache, int maxBatch,
            int maxTextBytes, Duration batchTimeout) {
        this.provider = provider;
        this.catalog = catalog;
        this.cache = cache;
        this.maxBatch = maxBatch;
        this.maxTextBytes = maxTextBytes;
        this.batchTimeout = batchTimeout;
    }

    /** Vectors of {@code texts} under {@code requestedModel} (null or blank: the default model). */
    public Embeddings embed(List<String> texts, String requestedModel) {
        validate(texts);
        ModelInfo model = catalog.resolve(requestedModel);
        float[][] vectors = new float[texts.size()][];
        Map<CacheKey, Miss> misses = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            CacheKey key = CacheKey.of(model.name(), texts.get(i));
            Optional<float[]> cached = cache.lookup(key);
            if (cached.isPresent()) {
                vectors[i] = cached.get();
            } else {
                misses.computeIfAbsent(key, k -> new Miss(new ArrayList<>())).positions().add(i);
            }
        }
        if (!misses.isEmpty()) {
            fetch(model, texts, misses, vectors);
        }
        return new Embeddings(model, List.of(vectors));
    }

    private void fetch(ModelInfo model, List<String> texts, Map<CacheKey, Miss> misses, float[][] vectors) {
        List<String> upstream = misses.values().stream().map(m -> texts.get(m.positions().getFirst())).toList();
        List<float[]> fresh = provider.embed(model, upstream, batchTimeout);
        int j = 0;
        for (Map.Entry<CacheKey, Miss> miss : misses.entrySet()) {
            float[] vector = fresh.get(j++);
            cache.put(miss.getKey(), vector);
            for (int position : miss.getValue().positions()) {
                vectors[position] = vector;
            }
        }
    }

    private void validate(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw new InvalidRequestException("texts must be a non-empty list of strings");
        }
        if (texts.size() > maxBatch) {
            throw new FieldLimit("texts", maxBatch, "max_batch")
                    .invalid("holds " + texts.size() + " texts", Map.of("max_batch", maxBatch));
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new InvalidRequestException("texts[" + i + "] is " + (text == null ? "null" : "empty or blank"),
                        Map.of("index", i, "field", "texts[" + i + "]"));
            }
            // The model reads at most a few hundred tokens; a longer text only costs hashing and heap.
            int bytes = Utf8.length(text);
            if (bytes > maxTextBytes) {
                throw new FieldLimit("texts[" + i + "]", maxTextBytes, "max_text_bytes")
                        .tooLarge("is " + bytes + " bytes", Map.of("index", i));
            }
        }
    }

    /** Where one distinct missing text appears in the request. */
    private record Miss(List<Integer> positions) {
    }

    /** The model a request resolved to and one vector per text, in input order. */
    public record Embeddings(ModelInfo model, List<float[]> vectors) {
    }
}
