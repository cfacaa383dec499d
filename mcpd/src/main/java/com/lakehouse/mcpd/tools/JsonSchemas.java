package com.lakehouse.mcpd.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few JSON Schema building blocks for tool input and output schemas, as plain maps (what the
 * SDK's {@code Tool.Builder#inputSchema(Map)} takes), so each tool reads as its schema.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    /** An object schema; {@code properties} keeps its order, so build it with {@link #props}. */
    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        return schema;
    }

    /** An ordered property map from name/schema pairs. */
    static Map<String, Object> props(Object... nameSchemaPairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], nameSchemaPairs[i + 1]);
        }
        return properties;
    }

    static Map<String, Object> string(String description) {
        return typed("string", description);
    }

    static Map<String, Object> integer(String description) {
        return typed("integer", description);
    }

    static Map<String, Object> integer(String description, int minimum, int defaultValue) {
        Map<String, Object> schema = typed("integer", description);
        schema.put("minimum", minimum);
        schema.put("default", defaultValue);
        return schema;
    }

    static Map<String, Object> integer(String description, int minimum, int maximum, int defaultValue) {
        Map<String, Object> schema = integer(description, minimum, defaultValue);
        schema.put("maximum", maximum);
        return schema;
    }

    static Map<String, Object> number(String description) {
        return typed("number", description);
    }

    static Map<String, Object> bool(String description) {
        return typed("boolean", description);
    }

    static Map<String, Object> array(Map<String, Object> items, String description) {
        Map<String, Object> schema = typed("array", description);
        schema.put("items", items);
        return schema;
    }

    /** Any JSON value: the schema has no {@code type}. */
    static Map<String, Object> anyValue(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("description", description);
        return schema;
    }

    /** A value that may be null (e.g. a trace's predecessor). */
    static Map<String, Object> nullable(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", List.of(type, "null"));
        schema.put("description", description);
        return schema;
    }

    /** An object with any members (metadata, filters). */
    static Map<String, Object> freeObject(String description) {
        return typed("object", description);
    }

    private static Map<String, Object> typed(String type, String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }
}
