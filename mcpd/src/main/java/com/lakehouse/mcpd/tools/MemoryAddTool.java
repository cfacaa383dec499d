package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.anyValue;
import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/** {@code memory_add(content, tags)}: stores a memory trace in pathway ({@code POST /v1/pathway/traces}). */
public final class MemoryAddTool implements LakehouseTool {

    private final GatewayClient gateway;

    public MemoryAddTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name("memory_add")
                .title("Remember")
                .description("Store a memory trace (a fact, decision or note worth finding later) in the Lakehouse's "
                        + "versioned memory. It can be found again with memory_search by its words or tags.")
                .inputSchema(object(props(
                        "content", anyValue("what to remember: a string, e.g. \"Client Acme prefers night-shift "
                                + "forklift operators\", or any JSON object"),
                        "tags", array(string("a tag"), "optional tags to group and filter memories, e.g. "
                                + "[\"client:acme\", \"preference\"]")), "content"))
                .outputSchema(MemorySchemas.trace("the stored trace"))
                .annotations(ToolAnnotationsFor.additive("Remember"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        Object content = arguments.value("content")
                .orElseThrow(() -> new ToolInputException("'content' is required: a string or JSON object to remember"));
        if (content instanceof String text && text.isBlank()) {
            throw new ToolInputException("'content' must not be empty");
        }
        List<String> tags = arguments.strings("tags").orElse(List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        body.put("tags", tags);
        Map<String, Object> trace = gateway.post("/v1/pathway/traces", body);
        String text = "Stored memory trace " + trace.get("uid")
                + (tags.isEmpty() ? "" : " with tags " + String.join(", ", tags)) + ".";
        return ToolResults.structured(text, trace);
    }
}
