package com.lakehouse.embedd;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.lakehouse.embedd.cache.EmbeddingCache;
import com.lakehouse.embedd.embedding.EmbeddingProvider;
import com.lakehouse.embedd.embedding.EmbeddingService;
import com.lakehouse.embedd.embedding.ModelCatalog;
import com.lakehouse.embedd.local.FairChunkScheduler;
import com.lakehouse.embedd.local.LocalProvider;
import com.lakehouse.embedd.local.MiniLmEncoder;
import com.lakehouse.embedd.ollama.OllamaProvider;
import com.lakehouse.shared.http.UpstreamUrl;
import com.lakehouse.shared.web.RequestBodyLimit;

/** Wires embedd from {@link EmbeddProperties}: the configured provider, the cache, the body cap. */
@Configuration(proxyBeanMethods = false)
class EmbeddConfiguration {

    private static final Log LOG = LogFactory.getLog(EmbeddConfiguration.class);

    /** Embedding requests are small JSON; {@code max_body_bytes} (8 MiB by default) caps them before parsing. */
    @Bean
    RequestBodyLimit requestBodyLimit(EmbeddProperties properties) {
        long cap = properties.maxBodyBytes();
        return request -> cap;
    }

    /** The provider is built once at startup; for {@code local} that loads the model, so boot fails loudly if it cannot. */
    @Bean
    EmbeddingProvider embeddingProvider(EmbeddProperties properties) {
        URI ollamaUrl = UpstreamUrl.parse("[embedd] ollama_url", properties.ollamaUrl());
        if (properties.provider().equals("ollama")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(min(properties.batchTimeout(), Duration.ofSeconds(5))).build();
            LOG.info("provider ollama at " + ollamaUrl + " with " + properties.ollamaModel());
            return new OllamaProvider(ollamaUrl, properties.ollamaModel(), properties.ollamaDimension(), http);
        }
        long started = System.nanoTime();
        MiniLmEncoder encoder = MiniLmEncoder.load(EmbeddConfiguration.class.getClassLoader());
        FairChunkScheduler scheduler = new FairChunkScheduler("embed-worker", properties.effectiveParallelism());
        LOG.info("provider local: " + MiniLmEncoder.MODEL_NAME + " loaded in " + (System.nanoTime() - started) / 1_000_000
                + " ms, " + scheduler.parallelism() + " workers, chunks of " + properties.chunkSize());
        return new LocalProvider(encoder, scheduler, properties.chunkSize());
    }

    @Bean
    ModelCatalog modelCatalog(EmbeddingProvider provider, EmbeddProperties properties) {
        return new ModelCatalog(provider.models(), properties.defaultModel());
    }

    @Bean
    EmbeddingCache embeddingCache(EmbeddProperties properties) {
        return new EmbeddingCache(properties.cacheSize(), properties.cacheMaxBytes());
    }

    @Bean
    EmbeddingService embeddingService(EmbeddingProvider provider, ModelCatalog catalog, EmbeddingCache cache,
            EmbeddProperties properties) {
        return new EmbeddingService(provider, catalog, cache, properties.maxBatch(), properties.maxTextBytes(),
                properties.batchTimeout());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
