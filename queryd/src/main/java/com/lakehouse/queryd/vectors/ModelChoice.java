package com.lakehouse.queryd.vectors;

import tools.jackson.databind.JsonNode;

import com.lakehouse.shared.error.InvalidRequestException;

/**
 * Which embedd model embeds text for an index: an index records only its dimension, so the model
 * is embedd's default when its dimension is the index's, else the first model embedd lists with
 * that dimension.
 */
final class ModelChoice {

    private ModelChoice() {
    }

    /** The model of {@code dimension} in embedd's {@code GET /embed/models} answer; 400 when none. */
    static String forDimension(JsonNode models, String index, int dimension) {
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
}
