package com.lakehouse.mcpd;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lakehouse.mcpd.gateway.GatewayException;
import com.lakehouse.mcpd.tools.LakehouseTool;
import com.lakehouse.mcpd.tools.ToolArguments;
import com.lakehouse.mcpd.tools.ToolInputException;
import com.lakehouse.mcpd.tools.ToolResults;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Runs a tool so that no failure escapes as a protocol error or kills the server: bad arguments
 * and gateway failures become {@code isError} results with one line the model can act on.
 */
final class ToolCalls {

    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

    private ToolCalls() {
    }

    /** The SDK registration of a tool, its calls guarded by {@link #invoke}. */
    static McpServerFeatures.SyncToolSpecification specification(LakehouseTool tool) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool.definition())
                .callHandler((exchange, request) -> invoke(tool, request))
                .build();
    }

    static McpSchema.CallToolResult invoke(LakehouseTool tool, McpSchema.CallToolRequest request) {
        String name = request.name();
        try {
            return tool.call(new ToolArguments(request.arguments()));
        } catch (ToolInputException e) {
            log.info("{}: invalid arguments: {}", name, e.getMessage());
            return ToolResults.error(name + ": invalid arguments: " + e.getMessage());
        } catch (GatewayException e) {
            log.info("{}: {}", name, e.getMessage());
            return ToolResults.error(name + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{}: unexpected {}", name, e.getClass().getName(), e);
            return ToolResults.error(name + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); see mcpd's stderr log");
        }
    }
}
