package com.lakehouse.catalogd.iceberg;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import org.apache.iceberg.rest.RESTSerializers;

/**
 * The REST wire format exactly as Iceberg's own clients read it: Iceberg's serializers on a Jackson 2
 * mapper set up as its REST client sets up its own (field access, kebab-case names). The rest of the
 * service speaks Jackson 3; Iceberg's types only ever pass through this mapper.
 */
public final class IcebergJson {

    private static final ObjectMapper MAPPER = create();

    private IcebergJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object response) {
        try {
            return MAPPER.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + response.getClass().getSimpleName(), e);
        }
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
        RESTSerializers.registerAll(mapper);
        return mapper;
    }
}
