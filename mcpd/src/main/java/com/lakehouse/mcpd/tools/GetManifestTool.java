package com.lakehouse.mcpd.tools;

import static com.lakehouse.mcpd.tools.JsonSchemas.array;
import static com.lakehouse.mcpd.tools.JsonSchemas.bool;
import static com.lakehouse.mcpd.tools.JsonSchemas.integer;
import static com.lakehouse.mcpd.tools.JsonSchemas.object;
import static com.lakehouse.mcpd.tools.JsonSchemas.props;
import static com.lakehouse.mcpd.tools.JsonSchemas.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.lakehouse.mcpd.gateway.GatewayClient;

import io.modelcontextprotocol.spec.McpSchema;

/** {@code get_manifest(name)}: one dataset's current manifest ({@code GET /v1/catalog/manifest/{name}}). */
public final class GetManifestTool implements LakehouseTool {

    private final GatewayClient gateway;

    public GetManifestTool(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> column = object(props(
                "name", string("column name"),
                "type", string("DuckDB type"),
                "nullable", bool("whether empty values occur")), "name", "type");
        Map<String, Object> dataObject = object(props(
                "key", string("storage key of a Parquet file"),
                "size", integer("bytes"),
                "etag", string("content tag"),
                "row_count", integer("rows in this file")), "key");
        return McpSchema.Tool.builder()
                .name("get_manifest")
                .title("Get dataset manifest")
                .description("Get one dataset's current manifest: id, version, schema (columns, types, nullability), "
                        + "schema fingerprint, row count and the Parquet files it consists of. "
                        + "Use a name from list_datasets.")
                .inputSchema(object(props(
                        "name", string("dataset name exactly as list_datasets shows it, e.g. \"staffing_candidates\" "
                                + "(lowercase letters, digits and _)")), "name"))
                .outputSchema(object(props(
                        "dataset_id", string("stable id of the name (UUIDv5)"),
                        "name", string("dataset name"),
                        "version", integer("current version"),
                        "schema_fingerprint", string("SHA-256 of the column names and types"),
                        "schema", array(column, "columns in order"),
                        "objects", array(dataObject, "Parquet files of this version"),
                        "row_count", integer("rows in this version"),
                        "created_at", string("first registration"),
                        "updated_at", string("registration of this version")), "name", "version"))
                .annotations(ToolAnnotationsFor.readOnly("Get dataset manifest"))
                .build();
    }

    @Override
    public McpSchema.CallToolResult call(ToolArguments arguments) {
        String name = arguments.requiredString("name");
        Map<String, Object> manifest = gateway.get("/v1/catalog/manifest/" + GatewayClient.segment(name));
        return ToolResults.structured(text(manifest), manifest);
    }

    private static String text(Map<String, Object> manifest) {
        List<String> columns = new ArrayList<>();
        for (Object c : Wire.list(manifest.get("schema"))) {
            Map<String, Object> column = Wire.map(c);
            columns.add(column.get("name") + " " + column.get("type")
                    + (Boolean.FALSE.equals(column.get("nullable")) ? " NOT NULL" : ""));
        }
        return manifest.get("name") + " v" + manifest.get("version")
                + " (dataset_id " + manifest.get("dataset_id") + "): "
                + manifest.get("row_count") + " rows in " + Wire.list(manifest.get("objects")).size() + " Parquet file(s), "
                + "updated " + manifest.get("updated_at") + "\n"
                + "schema (fingerprint " + manifest.get("schema_fingerprint") + "):\n  "
                + String.join("\n  ", columns);
    }
}
