package com.lakehouse.embedd.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.embedd.cache.CacheStats;
import com.lakehouse.embedd.cache.EmbeddingCache;
import com.lakehouse.embedd.embedding.EmbeddingService;
import com.lakehouse.embedd.embedding.ModelCatalog;
import com.lakehouse.shared.error.InvalidRequestException;

/** SPEC §8: {@code POST /embed}, {@code GET /embed/stats}, {@code GET /embed/models}. */
@RestController
class EmbedController {

    private final EmbeddingService service;
    private final ModelCatalog catalog;
    private final EmbeddingCache cache;

    EmbedController(EmbeddingService service, ModelCatalog catalog, EmbeddingCache cache) {
        this.service = service;
        this.catalog = catalog;
        this.cache = cache;
    }

    @PostMapping("/embed")
    EmbedResponse embed(@RequestBody(required = false) EmbedRequest request) {
        if (request == null) {
            throw new InvalidRequestException("a JSON body {\"texts\":[...]} is required");
        }
        EmbeddingService.Embeddings result = service.embed(request.texts(), request.model());
        return new EmbedResponse(result.model().name(), result.model().dimension(), result.vectors());
    }

    @GetMapping("/embed/stats")
    CacheStats stats() {
        return cache.stats();
    }

    @GetMapping("/embed/models")
    ModelsResponse models() {
        return new ModelsResponse(catalog.defaultModel().name(), catalog.models());
    }
}
