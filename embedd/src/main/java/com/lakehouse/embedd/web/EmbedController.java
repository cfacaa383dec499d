package com.lakehouse.embedd.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.lakehouse.embedd.EmbeddingService;
import com.lakehouse.embedd.ModelCatalog;
import com.lakehouse.embedd.ModelInfo;
import com.lakehouse.embedd.cache.CacheStats;
import com.lakehouse.embedd.cache.EmbeddingCache;
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

    /** {@code {"texts":[...],"model":"optional"}}. */
    record EmbedRequest(List<String> texts, String model) {
    }

    /** {@code {"model","dimension","vectors":[[...]]}}, vectors in input order. */
    record EmbedResponse(String model, int dimension, List<float[]> vectors) {
    }

    /** {@code {"default_model","models":[{"name","dimension","provider"}]}}. */
    record ModelsResponse(String defaultModel, List<ModelInfo> models) {
    }
}
