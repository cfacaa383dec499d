package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.number;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/** {@code memory_search(query, limit)}: finds memory traces ({@code POST /v1/pathway/search}). */
public final class MemorySearchTool implements LakehouseTool {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final int CONTENT_CHARS = 200;

    private final GatewayClient gateway;

    public MemorySearchTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> result = object(props(
                "score", number("relevance (higher is better)"),
                "trace", MemorySchemas.trace("the matching trace")), "score", "trace");
        return McpSchema.Tool.builder()
                .name("memory_search")
                .title("Recall")
                .description("Search the memory traces stored with memory_add by words in their content or tags, most "
                        + "relevant first. Retired traces are never returned.")
                .inputSchema(object(props(
                        "query", string("words to look for, e.g. \"acme night shift\""),
                        "limit", integer("most traces to return (default " + DEFAULT_LIMIT + ")", 1, MAX_LIMIT, DEFAULT_LIMIT),
                        "tags", array(string("a tag"), "optional: only traces carrying these tags")), "query"))
                .outputSchema(object(props("results", array(result, "most relevant first")), "results"))
                .annotations(ToolAnnotationsFor.readOnly("Recall"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", arguments.requiredString("query"));
        body.put("limit", arguments.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
        arguments.strings("tags").filter(t -> !t.isEmpty()).ifPresent(tags -> body.put("tags", tags));
        Map<String, Object> found = gateway.post("/v1/pathway/search", body);
        List<Object> results = Wire.list(found.get("results"));
        return ToolResults.structured(text(results), Map.of("results", results));
    }

    private static String text(List<Object> results) {
        if (results.isEmpty()) {
            return "No memory traces match.";
        }
        StringBuilder text = new StringBuilder(results.size() + " memory trace(s), most relevant first:\n");
        int rank = 1;
        for (Object r : results) {
            Map<String, Object> result = Wire.map(r);
            Map<String, Object> trace = Wire.map(result.get("trace"));
            text.append(rank++).append(". [").append(TextCells.cell(result.get("score"), 12)).append("] ")
                    .append(trace.get("uid"));
            List<Object> tags = Wire.list(trace.get("tags"));
            if (!tags.isEmpty()) {
                text.append(" tags ").append(TextCells.cell(tags, 100));
            }
            text.append(": ").append(TextCells.cell(trace.get("content"), CONTENT_CHARS)).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
