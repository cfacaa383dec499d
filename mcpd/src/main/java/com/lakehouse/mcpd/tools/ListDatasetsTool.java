package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/** {@code list_datasets}: the catalog, one line per dataset ({@code GET /v1/catalog/list}). */
public final class ListDatasetsTool implements LakehouseTool {

    private static final int COLUMNS_IN_TEXT = 30;

    private final GatewayClient gateway;

    public ListDatasetsTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> column = object(props(
                "name", string("column name (use it in SQL)"),
                "type", string("DuckDB type: BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP or VARCHAR"),
                "nullable", JsonSchemas.bool("whether the column has empty values")), "name", "type");
        Map<String, Object> dataset = object(props(
                "name", string("dataset name; it is also the SQL view name for query_sql"),
                "version", integer("current version (rises when new data is ingested)"),
                "row_count", integer("rows in the current version"),
                "columns", array(column, "schema, in column order"),
                "updated_at", string("when the current version was registered")), "name", "version");
        return McpSchema.Tool.builder()
                .name("list_datasets")
                .title("List datasets")
                .description("List the Lakehouse's datasets: name (also the SQL view name for query_sql), version, "
                        + "row count and columns with types. Call this first to learn what can be queried.")
                .inputSchema(object(props()))
                .outputSchema(object(props(
                        "catalog_version", integer("rises on every catalog change"),
                        "datasets", array(dataset, "every registered dataset, by name")), "datasets"))
                .annotations(ToolAnnotationsFor.readOnly("List datasets"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        Map<String, Object> listing = gateway.get("/v1/catalog/list");
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Object entry : Wire.list(listing.get("datasets"))) {
            datasets.add(summary(Wire.map(entry)));
        }
        datasets.sort((a, b) -> String.valueOf(a.get("name")).compareTo(String.valueOf(b.get("name"))));
        Map<String, Object> structured = new LinkedHashMap<>();
        if (listing.get("catalog_version") != null) {
            structured.put("catalog_version", listing.get("catalog_version"));
        }
        structured.put("datasets", datasets);
        return ToolResults.structured(text(datasets), structured);
    }

    private static Map<String, Object> summary(Map<String, Object> manifest) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", manifest.get("name"));
        out.put("version", manifest.get("version"));
        out.put("row_count", manifest.get("row_count"));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Object c : Wire.list(manifest.get("schema"))) {
            Map<String, Object> column = Wire.map(c);
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", column.get("name"));
            col.put("type", column.get("type"));
            if (column.get("nullable") instanceof Boolean nullable) {
                col.put("nullable", nullable);
            }
            columns.add(col);
        }
        out.put("columns", columns);
        if (manifest.get("updated_at") != null) {
            out.put("updated_at", manifest.get("updated_at"));
        }
        out.values().removeIf(Objects::isNull);
        return out;
    }

    private static String text(List<Map<String, Object>> datasets) {
        if (datasets.isEmpty()) {
            return "No datasets yet. Ingest a CSV through the gateway (POST /v1/ingest?name=<name>, multipart field 'file').";
        }
        StringBuilder text = new StringBuilder(datasets.size() + " dataset(s):\n");
        for (Map<String, Object> d : datasets) {
            List<Object> columns = Wire.list(d.get("columns"));
            List<String> shown = new ArrayList<>();
            for (Object c : columns.subList(0, Math.min(columns.size(), COLUMNS_IN_TEXT))) {
                Map<String, Object> column = Wire.map(c);
                shown.add(column.get("name") + " " + column.get("type"));
            }
            String more = columns.size() > COLUMNS_IN_TEXT ? ", … (" + columns.size() + " columns)" : "";
            text.append("- ").append(d.get("name")).append(" v").append(d.get("version"))
                    .append(", ").append(d.get("row_count")).append(" rows: ")
                    .append(String.join(", ", shown)).append(more).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
