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
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.ManifestVersions;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code list_versions(name)}: every version catalogd keeps of a dataset
 * ({@code GET /v1/catalog/manifest/{name}/versions}), each queryable with {@code dataset('name', N)}.
 */
public final class ListVersionsTool implements LakehouseTool {

    private final GatewayClient gateway;

    public ListVersionsTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> version = object(props(
                "version", integer("version number; query it with dataset('name', version)"),
                "row_count", integer("rows in that version"),
                "objects", integer("Parquet files in that version"),
                "updated_at", string("when that version was registered")), "version");
        return McpSchema.Tool.builder()
                .name("list_versions")
                .title("List dataset versions")
                .description("List every version of one dataset, oldest first, with its row count and time. Every "
                        + "version stays queryable in query_sql: SELECT * FROM dataset('workers', 2), and the rows "
                        + "added and removed between two versions: SELECT * FROM dataset_diff('workers', 1, 3).")
                .inputSchema(object(props(
                        "name", string("dataset name exactly as list_datasets shows it, e.g. \"workers\"")), "name"))
                .outputSchema(object(props(
                        "name", string("dataset name"),
                        "versions", array(version, "every version, oldest first")), "name", "versions"))
                .annotations(ToolAnnotationsFor.readOnly("List dataset versions"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        String name = arguments.requiredString("name");
        ManifestVersions answer = gateway.get("/v1/catalog/manifest/" + GatewayClient.segment(name) + "/versions",
                ManifestVersions.class);
        List<Map<String, Object>> versions = new ArrayList<>();
        for (DatasetManifest manifest : answer.versions()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("version", manifest.version());
            summary.put("row_count", manifest.rowCount());
            summary.put("objects", manifest.objects().size());
            summary.put("updated_at", manifest.updatedAt());
            summary.values().removeIf(Objects::isNull);
            versions.add(summary);
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("name", name);
        structured.put("versions", versions);
        StringBuilder text = new StringBuilder(name + ": " + versions.size() + " version(s)\n");
        for (Map<String, Object> v : versions) {
            text.append("- v").append(v.get("version")).append(": ").append(v.get("row_count")).append(" rows, ")
                    .append(v.get("updated_at")).append(" — dataset('").append(name).append("', ")
                    .append(v.get("version")).append(")\n");
        }
        return ToolResults.structured(text.toString().stripTrailing(), structured);
    }
}
