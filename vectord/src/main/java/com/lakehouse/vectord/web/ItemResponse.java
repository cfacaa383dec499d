package com.lakehouse.vectord.web;

import java.util.Map;

/** GET /vectors/index/{name}/items/{id}: one stored item. */
public record ItemResponse(String id, float[] vector, Map<String, Object> metadata) {
}
