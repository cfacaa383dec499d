package com.lakehouse.shared.http;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of the wire (snake_case members, ISO dates, unknown members ignored), for
 * code outside Spring MVC's own mapper: the inter-service clients and tests. Services get the same
 * through {@code spring.jackson.property-naming-strategy}, set by {@code LakehouseApplication}.
 */
public final class LakehouseJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LakehouseJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
