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

/**
 * {@code embed_text(texts)}: texts to vectors ({@code POST /v1/embed}). The vectors go to
 * {@code structuredContent} only; the text block is a one-line summary, since hundreds of floats
 * per text are of no use to read.
 */
public final class EmbedTextTool implements LakehouseTool {

    static final int MAX_TEXTS = 256;

    private final GatewayClient gateway;

    public EmbedTextTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> texts = array(string("a non-empty text"),
                "texts to embed, 1 to " + MAX_TEXTS + ", e.g. [\"forklift operator with OSHA certification\"]");
        texts.put("minItems", 1);
        texts.put("maxItems", MAX_TEXTS);
        return McpSchema.Tool.builder()
                .name("embed_text")
                .title("Embed texts")
                .description("Turn texts into embedding vectors with the Lakehouse's embedding model (local "
                        + "all-MiniLM-L6-v2, 384 dimensions, unless configured otherwise). The vectors are returned in "
                        + "structuredContent.vectors, one per text in input order. To search an index by meaning, "
                        + "call search_vectors with text instead: it embeds for you.")
                .inputSchema(object(props(
                        "texts", texts,
                        "model", string("optional model name; omit for the default")), "texts"))
                .outputSchema(object(props(
                        "model", string("model that embedded the texts"),
                        "dimension", integer("entries per vector"),
                        "count", integer("vectors returned"),
                        "vectors", array(array(number("component"), "one vector"), "one vector per text, in input order")),
                        "model", "dimension", "vectors"))
                .annotations(ToolAnnotationsFor.readOnly("Embed texts"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        List<String> texts = arguments.strings("texts")
                .orElseThrow(() -> new ToolInputException("'texts' is required: an array of 1 to " + MAX_TEXTS + " strings"));
        if (texts.isEmpty() || texts.size() > MAX_TEXTS) {
            throw new ToolInputException("'texts' must hold 1 to " + MAX_TEXTS + " strings, got " + texts.size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("texts", texts);
        arguments.optionalString("model").ifPresent(model -> body.put("model", model));
        Map<String, Object> embedded = gateway.post("/v1/embed", body);

        List<Object> vectors = Wire.list(embedded.get("vectors"));
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("model", embedded.get("model"));
        structured.put("dimension", embedded.get("dimension"));
        structured.put("count", vectors.size());
        structured.put("vectors", vectors);
        String text = "Embedded " + vectors.size() + (vectors.size() == 1 ? " text" : " texts") + " with model "
                + embedded.get("model") + " into " + embedded.get("dimension")
                + "-dimensional vectors; they are in structuredContent.vectors, in input order.";
        return ToolResults.structured(text, structured);
    }
}
