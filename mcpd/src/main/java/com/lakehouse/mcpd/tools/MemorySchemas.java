package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.anyValue;
import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.bool;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.nullable;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.Map;

/** The schema of a pathway trace, shared by the memory tools' output schemas. */
final class MemorySchemas {

    private MemorySchemas() {
    }

    static Map<String, Object> trace(String description) {
        Map<String, Object> schema = object(props(
                "uid", string("trace id"),
                "content", anyValue("what was remembered (a string or JSON)"),
                "tags", array(string("a tag"), "tags"),
                "created_at", string("when first stored"),
                "updated_at", string("when last changed"),
                "predecessor", nullable("string", "uid of the trace this one revises, if any"),
                "retired", bool("retired traces are kept but not searched"),
                "replay_count", integer("how often the same content was stored again idempotently")), "uid", "content");
        schema.put("description", description);
        return schema;
    }
}
