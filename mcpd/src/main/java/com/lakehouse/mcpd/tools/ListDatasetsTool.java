package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.lakehouse.mcpd.gateway.GatewayClient;
import com.lakehouse.shared.catalog.CatalogListing;
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;

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
        CatalogListing listing = gateway.get("/v1/catalog/list", CatalogListing.class);
        List<DatasetManifest> manifests = listing.datasets().stream()
                .sorted(Comparator.comparing(DatasetManifest::name, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("catalog_version", listing.catalogVersion());
        structured.put("datasets", manifests.stream().map(ListDatasetsTool::summary).toList());
        return ToolResults.structured(text(manifests), structured);
    }

    private static Map<String, Object> summary(DatasetManifest manifest) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", manifest.name());
        out.put("version", manifest.version());
        out.put("row_count", manifest.rowCount());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (SchemaColumn column : manifest.schema()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", column.name());
            col.put("type", column.type());
            col.put("nullable", column.nullable());
            columns.add(col);
        }
        out.put("columns", columns);
        out.put("updated_at", manifest.updatedAt());
        out.values().removeIf(Objects::isNull);
        return out;
    }

    private static String text(List<DatasetManifest> manifests) {
        if (manifests.isEmpty()) {
            return "No datasets yet. Ingest a CSV through the gateway (POST /v1/ingest?name=<name>, multipart field 'file').";
        }
        StringBuilder text = new StringBuilder(manifests.size() + " dataset(s):\n");
        for (DatasetManifest manifest : manifests) {
            List<SchemaColumn> columns = manifest.schema();
            List<String> shown = new ArrayList<>();
            for (SchemaColumn column : columns.subList(0, Math.min(columns.size(), COLUMNS_IN_TEXT))) {
                shown.add(column.name() + " " + column.type());
            }
            String more = columns.size() > COLUMNS_IN_TEXT ? ", … (" + columns.size() + " columns)" : "";
            text.append("- ").append(manifest.name()).append(" v").append(manifest.version())
                    .append(", ").append(manifest.rowCount()).append(" rows: ")
                    .append(String.join(", ", shown)).append(more).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
