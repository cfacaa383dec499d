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
import com.lakehouse.shared.catalog.DatasetManifest;
import com.lakehouse.shared.catalog.SchemaColumn;
import com.lakehouse.shared.http.LakehouseJson;

import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.core.type.TypeReference;

/** {@code get_manifest(name)}: one dataset's current manifest ({@code GET /v1/catalog/manifest/{name}}). */
public final class GetManifestTool implements LakehouseTool {

    private static final TypeReference<Map<String, Object>> STRUCTURED = new TypeReference<>() { };

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
        DatasetManifest manifest = gateway.get("/v1/catalog/manifest/" + GatewayClient.segment(name), DatasetManifest.class);
        return ToolResults.structured(text(manifest), LakehouseJson.mapper().convertValue(manifest, STRUCTURED));
    }

    private static String text(DatasetManifest manifest) {
        List<String> columns = new ArrayList<>();
        for (SchemaColumn column : manifest.schema()) {
            columns.add(column.name() + " " + column.type() + (column.nullable() ? "" : " NOT NULL"));
        }
        return manifest.name() + " v" + manifest.version()
                + " (dataset_id " + manifest.datasetId() + "): "
                + manifest.rowCount() + " rows in " + manifest.objects().size() + " Parquet file(s), "
                + "updated " + manifest.updatedAt() + "\n"
                + "schema (fingerprint " + manifest.schemaFingerprint() + "):\n  "
                + String.join("\n  ", columns);
    }
}
