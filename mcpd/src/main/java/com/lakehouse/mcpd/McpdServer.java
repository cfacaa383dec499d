package com.lakehouse.mcpd;

import java.util.List;

import com.lakehouse.mcpd.gateway.GatewayClient;
import com.lakehouse.mcpd.tools.EmbedTextTool;
import com.lakehouse.mcpd.tools.GetManifestTool;
import com.lakehouse.mcpd.tools.LakehouseTool;
import com.lakehouse.mcpd.tools.ListDatasetsTool;
import com.lakehouse.mcpd.tools.ListVersionsTool;
import com.lakehouse.mcpd.tools.MemoryAddTool;
import com.lakehouse.mcpd.tools.MemorySearchTool;
import com.lakehouse.mcpd.tools.QuerySqlTool;
import com.lakehouse.mcpd.tools.SearchVectorsTool;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;

/** The MCP server: its identity, its tools, and the transport it talks over. */
final class McpdServer {

    static final String NAME = "lakehouse";

    private McpdServer() {
    }

    /** Every tool, in the order {@code tools/list} shows them. */
    static List<LakehouseTool> tools(GatewayClient gateway) {
        return List.of(
                new ListDatasetsTool(gateway),
                new GetManifestTool(gateway),
                new QuerySqlTool(gateway),
                new EmbedTextTool(gateway),
                new SearchVectorsTool(gateway),
                new MemoryAddTool(gateway),
                new MemorySearchTool(gateway),
                new ListVersionsTool(gateway));
    }

    /** Builds the server on {@code transport}; it serves until the transport's input ends. */
    static McpSyncServer start(McpServerTransportProvider transport, McpJsonMapper json, List<LakehouseTool> tools) {
        return McpServer.sync(transport)
                .serverInfo(NAME, version())
                .instructions("Tools over the Lakehouse: list_datasets and get_manifest describe the data, query_sql "
                        + "runs read-only DuckDB SQL over it (each dataset is a view of its name), embed_text and "
                        + "search_vectors work with vector indexes, memory_add and memory_search keep notes.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(json)
                .tools(tools.stream().map(ToolCalls::specification).toList())
                .build();
    }

    private static String version() {
        String version = McpdServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
