package com.lakehouse.queryd.vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.error.InvalidRequestException;
import com.lakehouse.shared.error.NotFoundException;
import com.lakehouse.shared.http.LakehouseJson;
import com.lakehouse.shared.http.ServiceClient;
import com.lakehouse.shared.storage.StorageKeys;

/**
 * A search in a vectord index, by text or by vector (SPEC §7, §8). Text is embedded through embedd
 * with the index's model: the index records only its dimension, so the model is embedd's default
 * when its dimension is the index's, else the first model embedd lists with that dimension. A
 * failure of either service arrives as the domain exception of its status (404 unknown index, 400
 * dimension mismatch, 503 unreachable, ...), never as a 500.
 */
public final class SemanticSearch {

    private final ServiceClient vectord;
    private final ServiceClient embedd;

    public SemanticSearch(ServiceClient vectord, ServiceClient embedd) {
        this.vectord = vectord;
        this.embedd = embedd;
    }

    /** The hits nearest to {@code text}, nearest first. */
    public List<VectorHit> byText(String index, String text, int k, Map<String, Object> filter) {
        int dimension = indexInfo(index).path("dimension").asInt();
        String model = modelFor(index, dimension);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("texts", List.of(text));
        request.put("model", model);
        JsonNode embedded = embedd.postJson("/embed", request, JsonNode.class);
        JsonNode vector = embedded.path("vectors").path(0);
        double[] values = new double[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.get(i).asDouble();
        }
        return byVector(index, values, k, filter);
    }

    /** The hits nearest to {@code vector}, nearest first; vectord refuses a wrong dimension with 400. */
    public List<VectorHit> byVector(String index, double[] vector, int k, Map<String, Object> filter) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("vector", vector);
        request.put("k", k);
        if (filter != null && !filter.isEmpty()) {
            request.put("filter", filter);
        }
        JsonNode answer = vectord.postJson(indexPath(index) + "/search", request, JsonNode.class);
        List<VectorHit> hits = new ArrayList<>();
        for (JsonNode hit : answer.path("hits")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = hit.path("metadata").isObject()
                    ? LakehouseJson.mapper().convertValue(hit.path("metadata"), LinkedHashMap.class)
                    : Map.of();
            hits.add(new VectorHit(hit.path("id").asString(), hit.path("distance").asDouble(), metadata));
        }
        return hits;
    }

    private JsonNode indexInfo(String index) {
        try {
            return vectord.getJson(indexPath(index), JsonNode.class);
        } catch (NotFoundException e) {
            throw new NotFoundException("no vector index named '" + index + "'", e);
        }
    }

    private String modelFor(String index, int dimension) {
        JsonNode models = embedd.getJson("/embed/models", JsonNode.class);
        String fallback = null;
        for (JsonNode model : models.path("models")) {
            if (model.path("dimension").asInt() == dimension) {
                String name = model.path("name").asString();
                if (name.equals(models.path("default_model").asString())) {
                    return name;
                }
                fallback = fallback == null ? name : fallback;
            }
        }
        if (fallback == null) {
            throw new InvalidRequestException("vector index '" + index + "' has dimension " + dimension
                    + " and no embedd model embeds to that dimension; pass a vector literal instead");
        }
        return fallback;
    }

    private static String indexPath(String index) {
        return "/vectors/index/" + StorageKeys.encodeComponent(index);
    }
}
