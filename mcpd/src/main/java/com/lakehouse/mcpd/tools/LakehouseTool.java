package com.lakehouse.mcpd.tools;

import io.modelcontextprotocol.spec.McpSchema;

/** One MCP tool: its definition (name, schemas, descriptions) and the gateway calls behind it. */
public interface LakehouseTool {

    /** What {@code tools/list} shows the model. */
    McpSchema.Tool definition();

    /**
     * Runs the tool. Bad arguments throw {@link ToolInputException}, gateway failures throw
     * {@link com.lakehouse.mcpd.gateway.GatewayException}; the server turns both into
     * {@code isError} results.
     */
    McpSchema.CallToolResult call(ToolArguments arguments);
}
