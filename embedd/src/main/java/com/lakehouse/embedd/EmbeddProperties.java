package com.lakehouse.embedd;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.lakehouse.shared.fleet.FleetPorts;

/**
 * {@code [embedd]} of lakehouse.toml (SPEC §8). Every key has a default so an empty file boots an
 * offline embedder: the in-process MiniLM model, a 10,000-entry cache, one worker per core.
 *
 * @param bind            loopback address and port (the bind gate in shared enforces it)
 * @param provider        {@code local} (in-process ONNX model) or {@code ollama}
 * @param defaultModel    model used when a request names none; empty means the provider's own
 * @param ollamaUrl       base URL of the Ollama server (provider {@code ollama})
 * @param ollamaModel     the Ollama embedding model this service offers
 * @param ollamaDimension the dimension that model answers with; other answers are a provider failure
 * @param cacheSize       cache entries; 0 disables the cache (every text goes to the provider)
 * @param cacheMaxBytes   heap the cache may hold (estimated); 0 disables the cache too
 * @param maxBatch        most texts one request may carry
 * @param maxTextBytes    most UTF-8 bytes of one text (the model reads a few hundred tokens of it)
 * @param batchTimeout    bound on embedding one whole request's misses
 * @param maxParallel     texts embedded at once by the local model; 0 means one per available core
 * @param chunkSize       texts per unit of work the local workers take in turn, so requests interleave
 * @param maxBodyBytes    request body cap, enforced before parsing
 */
@ConfigurationProperties("lakehouse.embedd")
public record EmbeddProperties(
        @DefaultValue(FleetPorts.EMBEDD_BIND) String bind,
        @DefaultValue("local") String provider,
        @DefaultValue("") String defaultModel,
        @DefaultValue("http://127.0.0.1:11434") String ollamaUrl,
        @DefaultValue("nomic-embed-text") String ollamaModel,
        @DefaultValue("768") int ollamaDimension,
        @DefaultValue("10000") long cacheSize,
        @DefaultValue("67108864") long cacheMaxBytes,
        @DefaultValue("1024") int maxBatch,
        @DefaultValue("65536") int maxTextBytes,
        @DefaultValue("60s") Duration batchTimeout,
        @DefaultValue("0") int maxParallel,
        @DefaultValue("16") int chunkSize,
        @DefaultValue("8388608") long maxBodyBytes) {

    /** The providers embedd knows. */
    public static final Set<String> PROVIDERS = Set.of("local", "ollama");

    public EmbeddProperties {
        provider = provider.trim().toLowerCase(java.util.Locale.ROOT);
        require(PROVIDERS.contains(provider), "provider must be one of " + PROVIDERS + ", not '" + provider + "'");
        require(ollamaDimension >= 1, "ollama_dimension must be at least 1");
        require(cacheSize >= 0, "cache_size must not be negative");
        require(cacheMaxBytes >= 0, "cache_max_bytes must not be negative");
        require(maxBatch >= 1, "max_batch must be at least 1");
        require(maxTextBytes >= 1, "max_text_bytes must be at least 1");
        require(batchTimeout.isPositive(), "batch_timeout must be positive");
        require(maxParallel >= 0, "max_parallel must not be negative");
        require(chunkSize >= 1, "chunk_size must be at least 1");
        require(maxBodyBytes >= 1, "max_body_bytes must be at least 1");
    }

    /** Workers of the local model: {@code max_parallel}, or the core count when it is 0. */
    public int effectiveParallelism() {
        return maxParallel > 0 ? maxParallel : Runtime.getRuntime().availableProcessors();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("[embedd] " + message);
        }
    }
}
