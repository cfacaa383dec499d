package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.freeObject;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.number;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code search_vectors(index, k, text | vector, filter?)}: nearest neighbours in a vector index.
 * A {@code text} is embedded first ({@code POST /v1/embed}), then the vector is searched
 * ({@code POST /v1/vectors/index/{index}/search}). "Exactly one of text or vector" is checked here,
 * not with {@code oneOf} in the schema, because several model APIs refuse top-level combinators.
 */
public final class SearchVectorsTool implements LakehouseTool {

    static final int DEFAULT_K = 10;
    static final int MAX_K = 100;
    private static final int METADATA_CHARS = 200;

    private final GatewayClient gateway;

    public SearchVectorsTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> hit = object(props(
                "id", string("item id"),
                "distance", number("distance to the query (smaller is nearer)"),
                "metadata", freeObject("the item's metadata")), "id", "distance");
        return McpSchema.Tool.builder()
                .name("search_vectors")
                .title("Search a vector index")
                .description("Find the k items of a vector index nearest to a query, nearest first. Pass exactly one "
                        + "of: text (a natural-language query, embedded with the index's default embedding model "
                        + "first) or vector (numbers with the index's dimension). Optional filter keeps only items "
                        + "whose metadata has all the given key/values.")
                .inputSchema(object(props(
                        "index", string("vector index name, e.g. \"candidates\""),
                        "k", integer("how many nearest items to return (default " + DEFAULT_K + ")", 1, MAX_K, DEFAULT_K),
                        "text", string("query text to embed and search with, e.g. \"warehouse forklift experience\"; "
                                + "give this or vector"),
                        "vector", array(number("component"), "query vector with the index's dimension; give this or text"),
                        "filter", freeObject("optional metadata filter, e.g. {\"city\": \"Austin\"}: every key/value "
                                + "must match")), "index"))
                .outputSchema(object(props(
                        "index", string("index searched"),
                        "k", integer("hits asked for"),
                        "query", string("\"text\" or \"vector\""),
                        "hits", array(hit, "nearest first")), "index", "hits"))
                .annotations(ToolAnnotationsFor.readOnly("Search a vector index"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        String index = arguments.requiredString("index");
        int k = arguments.integer("k", DEFAULT_K, 1, MAX_K);
        boolean byText = arguments.has("text");
        if (byText == arguments.has("vector")) {
            throw new ToolInputException("pass exactly one of 'text' (a query to embed) or 'vector' (numbers)");
        }
        List<?> vector = byText ? embed(arguments.requiredString("text")) : arguments.numbers("vector").orElseThrow();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vector", vector);
        body.put("k", k);
        arguments.object("filter").filter(f -> !f.isEmpty()).ifPresent(f -> body.put("filter", f));
        Map<String, Object> found = gateway.post("/v1/vectors/index/" + GatewayClient.segment(index) + "/search", body);

        List<Object> hits = Wire.list(found.get("hits"));
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("index", index);
        structured.put("k", k);
        structured.put("query", byText ? "text" : "vector");
        structured.put("hits", hits);
        return ToolResults.structured(text(index, hits), structured);
    }

    private List<?> embed(String text) {
        Map<String, Object> embedded = gateway.post("/v1/embed", Map.of("texts", List.of(text)));
        List<Object> vectors = Wire.list(embedded.get("vectors"));
        if (vectors.isEmpty()) {
            throw new ToolInputException("the embedding service returned no vector for the text");
        }
        return Wire.list(vectors.getFirst());
    }

    private static String text(String index, List<Object> hits) {
        if (hits.isEmpty()) {
            return "No hits in index " + index + ".";
        }
        StringBuilder text = new StringBuilder(hits.size() + " hit(s) in index " + index + ", nearest first:\n");
        int rank = 1;
        for (Object h : hits) {
            Map<String, Object> hit = Wire.map(h);
            text.append(rank++).append(". ").append(hit.get("id"))
                    .append(" (distance ").append(distance(hit.get("distance"))).append(") ")
                    .append(TextCells.json(Wire.map(hit.get("metadata")), METADATA_CHARS)).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String distance(Object value) {
        return value instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(value);
    }
}
